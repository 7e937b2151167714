"""The markup of game text in the placeholder inventory: TextMeshPro's rich text, BBCode and
input tokens; what a tag's parts are."""

from __future__ import annotations

import re
import time

import pytest

from ltmt.formats.placeholder_syntax import (
    _TEMPLATE_COMMENT,
    TagParts,
    extract_placeholders,
    find_placeholders,
    positional_aliases,
    sent_as_tags,
    tag_parts,
    unspaced_template,
    without_tag_remains,
)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # TextMeshPro: a tag with a value, closed later or standing alone
        ("Your <color=#FF0000>shield</color> is broken.", ["<color=#FF0000>", "</color>"]),
        ("<align=center>Chapter complete</align>", ["<align=center>", "</align>"]),
        ('Your <link="item_01">sword</link>', ['<link="item_01">', "</link>"]),
        ("<size=120%>Level up!</size> Well done.", ["<size=120%>", "</size>"]),
        ('<font="Bangers SDF">boss</font>', ['<font="Bangers SDF">', "</font>"]),
        ("You earned 5 <sprite=3> today.", ["<sprite=3>"]),
        # its short colour tag: #RGB, #RGBA, #RRGGBB, #RRGGBBAA, which </color> closes
        ("<#FF0000>Danger!</color>", ["<#FF0000>", "</color>"]),
        (
            "<#f00>a</color> <#F008>b</color> <#FF000080>c",
            ["<#f00>", "</color>", "<#F008>", "</color>", "<#FF000080>"],
        ),
        ("a <#FF00> b <#FFFFF> c", ["<#FF00>"]),
        ('Collect 10 <sprite name="coin">.<br>', ['<sprite name="coin">', "<br>"]),
        # BBCode: closing tags, openings with a value or attributes, a bare name closed later
        ("[b]Health Potion[/b]: restores 50 HP.", ["[b]", "[/b]"]),
        ("a [color=#ff0000]Iron Sword[/color]!", ["[color=#ff0000]", "[/color]"]),
        ("[url=https://example.org/help]Help[/url]", ["[url=https://example.org/help]", "[/url]"]),
        ('[font="Times New Roman"]x[/font]', ['[font="Times New Roman"]', "[/font]"]),
        ("[wave amp=50 freq=2]Hello[/wave]", ["[wave amp=50 freq=2]", "[/wave]"]),
        ("[img width=20 height=20]", ["[img width=20 height=20]"]),
        ("[/i] closes", ["[/i]"]),
        ("[b]Iron Swort[/B]", ["[b]", "[/B]"]),  # closed in another case
        # Ren'Py's text tags: a closing tag, an opening one with a value or closed later; a
        # bare name not closed later is a brace field, as a format string's {name} is
        ("The {b}Sword of Dawn{/b} was stolen.", ["{b}", "{/b}"]),
        (
            "{color=#f00}Red{/color} {size=+10}Big{/size}",
            ["{color=#f00}", "{/color}", "{size=+10}", "{/size}"],
        ),
        ("{a=https://example.org}Help{/a}", ["{a=https://example.org}", "{/a}"]),
        ("Wait.{w=0.5} Go{nw}", ["{w=0.5}", "{nw}"]),
        ("Hello {name}, {i}", ["{name}", "{i}"]),
        # an escaped brace with the text it makes literal: one field (the model wrote {{{this},
        # a stray brace and a tag Ren'Py does not know); a template's {{name}} is its own
        ("Curly braces look like {{this}.", ["{{this}"]),
        ("Type {{b} to start bold text.", ["{{b}"]),
        ("Hi {{name}}, {{{body}}}", ["{{name}}", "{{{body}}}"]),
        # Ren'Py's interpolated variables, with dots and conversion flags; not a checkbox, a
        # footnote, a label in capitals, an unclosed BBCode tag, a Markdown link's text, an
        # index glued to a word, an escaped bracket
        ("Thank you, [player_name].", ["[player_name]"]),
        ("[hero_name] scored [stats.score] points", ["[hero_name]", "[stats.score]"]),
        # a plain word is a command line's metavariable too, which translators translate
        ("Usage: kbxutil [options] [files]", []),
        ("[hero] scored [score] points", []),
        ("[player.name] [name!t] [mc_name!cl]", ["[player.name]", "[name!t]", "[mc_name!cl]"]),
        ("[ ] open, [x] done, see [1]", []),
        ("[b] [color] [list]", []),
        # a Markdown link's text: no variable, its marks a link's (markdown_link_marks)
        (
            "Read [the guide](https://x.org) or [guide][ref]",
            ["[", "](https://x.org)", "[", "][ref]"],
        ),
        ("items[count] and [[name]", []),
        # a game's input tokens
        ("Press [KEY_JUMP] to jump.", ["[KEY_JUMP]"]),
        ("Hold <action:Jump> to glide.", ["<action:Jump>"]),
        # a key or button in brackets, which the game shows as its glyph; not a key with a
        # German name ([Ctrl] is [Strg]), a button's label ([Continue] is translated), a
        # footnote, a checkbox, a link's text, an index
        ("Press [E] to open the chest", ["[E]"]),
        (
            "Hold [Shift] and [LMB]; [Space] jumps, [F5] saves, [RT] aims, [A] jumps",
            ["[LMB]", "[F5]", "[RT]", "[A]"],
        ),
        ("Press [Ctrl], [Del], [Home], [Insert], [Enter] or [Left Stick]", []),
        ("Click [Continue] to go on; see [1]; [x] done; items[E]; [[E]", []),
        ("[E](https://x.org)", ["[", "](https://x.org)"]),  # a link's text, no key
        # a bracketed label not closed later, a Markdown link, a metavariable, comparisons
        ("Press [OK] or [Cancel] or [1].", []),
        ("[Click here](https://x.org)", ["[", "](https://x.org)"]),
        ("Enter <name>, if a < b and c > d, x <= y", []),
        # a command line's bracketed names, which real catalogs translate (dpkg, bash, psql):
        # no BBCode of BBCode's names, no token of a game's kinds
        ("Write the result to [OUTPUT_FILE] and exit.", []),
        ("wait [default=N] seconds; fc -s [pat=rep]; NAME=VALUE [NAME=VALUE]", []),
        ("install Target[/prefix] [n=nested]", []),
        ("Log in as <user:admin> to continue.", []),
        # an autolink with its brackets: the model copied them apart from the address
        ("Send feedback to <feedback@example.com>.", ["<feedback@example.com>"]),
        ("See <https://example.com/help>.", ["<https://example.com/help>"]),
        # a closing tag of another name counts after an opening BBCode tag (a garbled copy)
        ("[color=#ff0000]Eisenschwert[/Farre]", ["[color=#ff0000]", "[/Farre]"]),
        # SmartFormat's plural or choice: its head and nested fields, not its forms' words
        ("You have {lives:plural:one life|{} lives} left.", ["{lives:plural:", "{}"]),
        ("{gender:choose(m|f):He|She} found a key.", ["{gender:choose(m|f):"]),
        ("{0:p:one|{0} many} of {0:N0}", ["{0:p:", "{0}", "{0:N0}"]),
        # Unreal's rich text: </> attached to the text its <Name> opened closes it; a </> between
        # spaces is a word (the code icon), and a <Key> before one no tag (regression trial
        # rege68)
        ("<Bold>Warning:</> your save file is corrupted.", ["<Bold>", "</>"]),
        ("Press <Return> to confirm, or click the </> icon for code.", []),
        ("Use <Left> and <Right> to move; type </> to close the tag.", []),
        # PrestaShop's numbered markers, where the text has both ends of a number: else a
        # footnote mark or an index (see [1], array[1]), and a closing one alone text
        ("[1]Sign in[/1] or [2]register[/2].", ["[1]", "[/1]", "[2]", "[/2]"]),
        ("on [1]%date%[/1]", ["[1]", "%date%", "[/1]"]),
        ("[/1]reversed[1]", ["[/1]", "[1]"]),  # read as a pair: qa says it does not nest
        ("See [1] and array[1]; [2]x[/3]", []),
        ("Mehr über sichere Zahlung[/1] erfahren", []),
        ("[1]a[/1] makes no [/prefix] a tag", ["[1]", "[/1]"]),
    ],
)
def test_game_markup_is_placeholders(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("tag", "parts"),
    [
        ("<b>", TagParts(False, "b", False, "<")),
        ("</B>", TagParts(True, "b", False, "<")),
        ("<br/>", TagParts(False, "br", True, "<")),
        ("<color=#FF0000>", TagParts(False, "color", False, "<")),
        ("<#FF0000>", TagParts(False, "color", False, "<")),
        ('<a href="x">', TagParts(False, "a", False, "<")),
        ("[url=https://x.org]", TagParts(False, "url", False, "[")),
        ("[/Color]", TagParts(True, "color", False, "[")),
        ("[1]", TagParts(False, "1", False, "[")),
        ("[/1]", TagParts(True, "1", False, "[")),
        ("{b}", TagParts(False, "b", False, "{")),
        ("{/i}", TagParts(True, "i", False, "{")),
        ("{color=#f00}", TagParts(False, "color", False, "{")),
        ("{$START_BOLD_TEXT}", TagParts(False, "bold_text", False, "{$")),
        ("{$CLOSE_LINK}", TagParts(True, "link", False, "{$")),
        ("{$INTERPOLATION}", None),
        ("%s", None),
    ],
)
def test_tag_parts(tag: str, parts: TagParts | None) -> None:
    assert tag_parts(tag) == parts


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{if $user}Welcome back{/if}", ["$user"]),  # Smarty's variable is one
        ("{block name=title}Default page title{/block}", []),
        ("{shake}Boom{/shake}", ["{shake}", "{/shake}"]),
        ("{b}Sword{/b} and {/i}", ["{b}", "{/b}", "{/i}"]),
    ],
)
def test_a_closing_brace_tag_is_a_tag_where_its_name_opened_or_is_renpys(
    text: str, expected: list[str]
) -> None:
    """Smarty's and Latte's ``{if $user}...{/if}`` lost its opening once any ``{/name}`` was a
    tag: the closing one was kept and the opening, no tag, went to the model (a regression
    trial's find)."""
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # session 63: a path with a space lost its words to the model ("Program Dateien")
        (r"C:\Program Files\Contoso\app.exe", [r"C:\Program Files\Contoso\app.exe"]),
        (r'"C:\Program Files\Contoso"', [r"C:\Program Files\Contoso"]),
        (r'"C:\Program Files"', [r"C:\Program Files"]),
        (r"Install to C:\Program Files", [r"C:\Program Files"]),
        (
            r"Install to C:\Program Files\Contoso\app.exe now.",
            [r"C:\Program Files\Contoso\app.exe"],
        ),
        (r"Saved as C:\Docs\My Report.docx.", [r"C:\Docs\My Report.docx"]),
        (r"\\server\share\My Docs\x.txt", [r"\\server\share\My Docs\x.txt"]),
        ("/opt/Contoso/Program Files/app", ["/opt/Contoso/Program Files/app"]),
        ("The file is in /opt/Contoso/Program Files/app.", ["/opt/Contoso/Program Files/app"]),
        ("Copy /Library/Application Support/x.json now", ["/Library/Application Support/x.json"]),
        ("Edit /etc/hosts, then ~/notes/todo.txt.", ["/etc/hosts", "~/notes/todo.txt"]),
        ("See docs/guide/setup.md.", ["docs/guide/setup.md"]),
        # a relative Windows path: the model translated its folders ("Berichte\2024\May.xlsx")
        (r"Copy Reports\2024\May.xlsx to the share.", [r"Reports\2024\May.xlsx"]),
        (r"Save it to ..\Reports\2024\May.xlsx first.", [r"..\Reports\2024\May.xlsx"]),
        (r"Save it to .\May.xlsx", [r".\May.xlsx"]),
        # a path ends where its words do
        (r"Could not open C:\Temp for writing.", [r"C:\Temp"]),
        (r"Copy C:\Temp\a.txt and b.txt", [r"C:\Temp\a.txt"]),
        ("Open /etc/hosts and file.txt", ["/etc/hosts"]),
        ("Use /usr/bin or/and /bin", ["/usr/bin"]),
        # words with a slash are no path
        ("You can edit and/or delete it.", []),
        ("Yes/No", []),
        ("Pages 10/20 printed on 1/2/2024", []),
        ("Enter the speed in km/h.", []),
        ("Save/Open the file", []),
        ("/ by zero", []),
    ],
)
def test_a_path_is_one_name_its_spaces_included(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (r"The file is in C:\Windows\System32 or in the Program Files\Common Files folder.",
         r"C:\Windows\System32"),
        (r"Save it to C:\Data, then open the Reports\2024 folder.", r"C:\Data"),
        (r"Copy C:\Temp\log.txt to the Backup\Logs folder and restart.", r"C:\Temp\log.txt"),
        (r"Run the installer from D:\Setup and choose the Tools\Extras option.", r"D:\Setup"),
        # a YAML value "Logs are in C:\\ProgramData\\Contoso or ...", read
        (r"Logs are in C:\ProgramData\Contoso or in the Users\Public folder.",
         r"C:\ProgramData\Contoso"),
        (r"Open C:\Program Files\Common Files\x.dll now", r"C:\Program Files\Common Files\x.dll"),
        (r"Run C:\Program Files (x86)\Contoso\app.exe", r"C:\Program Files (x86)\Contoso\app.exe"),
        ("Open /usr/bin or in the Users/Public folder", "/usr/bin"),
    ],
)  # fmt: skip
def test_a_path_ends_before_prose_words(text: str, expected: str) -> None:
    """A regression trial's find: a Windows folder's name took any words before a later
    backslash, so the English up to it went to the output untranslated and the rest was lost
    (``Die Datei ist in C:\\Windows\\System32 or in the Program Files\\Common``); a spaced
    name's words start with a capital or a digit and have no punctuation."""
    assert [p.text for p in find_placeholders(text) if p.kind == "name"] == [expected]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('Open "Reports\\2024\\May Sales.xlsx" to continue.', ["Reports\\2024\\May Sales.xlsx"]),
        ("Open \u201cReports\\2024\\May Sales.xlsx\u201d now.", ["Reports\\2024\\May Sales.xlsx"]),
        ("\u00d6ffne \u201eReports\\May Sales.xlsx\u201c jetzt.", ["Reports\\May Sales.xlsx"]),
        ("Save 'Backup\\Old Files\\notes 2023.txt' first.", ["Backup\\Old Files\\notes 2023.txt"]),
        ('Open "C:\\Data\\may sales.xlsx" now.', ["C:\\Data\\may sales.xlsx"]),
        # a quoted string with escapes or fields, or without a file's extension, is no path
        ('Print "%s\\n" here.', ["%s", "\\n"]),
        ('Type "Hello\\nWorld" here.', ["\\n"]),
        ('Open the "Reports\\2024" folder.', []),
    ],
)
def test_a_quoted_windows_path_is_one_name_its_spaces_included(
    text: str, expected: list[str]
) -> None:
    """The model split a quoted relative path at its space (``»Reports\\2024\\May Sales.xx«``):
    the quotes end it, so it is one placeholder, sent as a tag."""
    assert [p.text for p in find_placeholders(text)] == expected
    paths = [p.text for p in find_placeholders(text) if p.kind == "name"]
    assert [p.text for p in sent_as_tags(text) if p.kind == "name"] == paths


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a number after a backslash is no octal byte: a C escape has three digits at most
        (r"Save the file to C:\Reports\2024\May.xlsx", [r"C:\Reports\2024\May.xlsx"]),
        (r"Open the Reports\2024 folder.", []),
        # the escapes a catalog writes
        (r"\033[1mBold\033[0m", [r"\033[1m", r"\033[0m"]),
        (r"Ring\007 twice", [r"\007"]),
        (r"Done.\nNext", [r"\n"]),
        # an octal escape starting with 0 is three digits, whatever follows (C's "\012" "3")
        (r"Line\0123 next", [r"\012"]),
        (r"Nul\0000 byte", [r"\000"]),
        (r"Bell\007 rings", [r"\007"]),
    ],
)
def test_a_windows_path_holds_no_escape(text: str, expected: list[str]) -> None:
    """A trial's find: ``\\202`` of ``Reports\\2024`` was read as an octal escape, and the
    path around it split."""
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("I don't know \u00af\\_(\u30c4)_/\u00af maybe.", ["\u00af\\_(\u30c4)_/\u00af"]),
        ("I don't know \u00af\\_(\u30c4)_/\u00af.", ["\u00af\\_(\u30c4)_/\u00af"]),
        ("Flip (\u256f\u00b0\u25a1\u00b0)\u256f now", ["(\u256f\u00b0\u25a1\u00b0)\u256f"]),
        ("x \u0ca0_\u0ca0 y", ["\u0ca0_\u0ca0"]),
        # punctuation, quotes and a word in brackets are text
        ("See (\u2026) and \u00ab(...)\u00bb here", []),
        ("Tokyo (\u6771\u4eac) is big", []),
        ("Wait... (see above)", []),
    ],
)
def test_a_kaomoji_is_one_placeholder_sent_as_a_tag(text: str, expected: list[str]) -> None:
    """The model dropped a shrug's arm (``¯\\_(ツ)_¯``)."""
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Card \u2022\u2022\u2022\u2022 4242 was charged $49.99",
            ["\u2022\u2022\u2022\u2022 4242"],
        ),
        ("Card \u00b7\u00b7\u00b7\u00b7 4242", ["\u00b7\u00b7\u00b7\u00b7 4242"]),
        ("Account ****1234 was debited", ["****1234"]),
        ("Card XXXX-XXXX-XXXX-1234 expires", ["XXXX-XXXX-XXXX-1234"]),
        (
            "Card \u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 4242",
            ["\u2022\u2022\u2022\u2022 \u2022\u2022\u2022\u2022 4242"],
        ),
        # a mark or two, or marks before no digits, are no mask
        ("Note* 123 and XX 12", []),
        ("a \u2022 12 b", []),
        ("Rated *** by users", []),
        ("New in ***2024***!", []),
        # a long run of marks and no digits: the mask's pattern took time exponential in its
        # length (every cut into runs of three), and a test run hung
        ("X" * 60 + "!", []),
        ("*" * 80 + " end", []),
    ],
)
def test_a_masked_card_number_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """The model read a mask's bullets as words: 'Card \u2022\u2022\u2022\u2022 4242 was charged
    $49.99' came out 'Card ärgerliches Pfarrenaaa mit 4242 wurde angeklagt $49.99' (a fintech
    trial, session 70)."""
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.kind for p in find_placeholders(text)] == ["masked"] * len(expected)
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The turret will attack §nall§r§7 players!", ["§n", "§r", "§7"]),
        ("§c§lWARNING:§r %s left", ["§c", "§l", "§r", "%s"]),
        ("The password is §k12345§r.", ["§k", "§r"]),
        ("§6Laser Gun", ["§6"]),
        # a law's section, a section sign spaced from its number, no code's letter: text
        ("Read §12 and § 3", []),
        ("Invalid §S here", []),
    ],
)
def test_a_minecraft_formatting_code_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """The model has no token for ``§``: ``§7`` came out ``§Spieler 7``, a word glued to a code
    stayed English (a Minecraft mod's trial, session 72)."""
    codes = [p.text for p in find_placeholders(text) if p.kind == "formatting"]
    assert codes == [code for code in expected if code.startswith("§")]
    assert extract_placeholders(text) == expected
    assert [p.text for p in sent_as_tags(text) if p.kind == "formatting"] == codes


@pytest.mark.parametrize(
    ("text", "expected", "as_tags"),
    [
        (
            "{{#if premium}}Upgrade now{{/if}}",
            ["{{#if premium}}", "{{/if}}"],
            ["{{#if premium}}", "{{/if}}"],
        ),
        (
            "{{#each items}}<li>{{name}}</li>{{/each}}",
            ["{{#each items}}", "<li>", "{{name}}", "</li>", "{{/each}}"],
            ["{{#each items}}", "{{/each}}"],
        ),
        (
            "{{#if user}}Welcome back.{{else}}Please sign in.{{/if}}",
            ["{{#if user}}", "{{else}}", "{{/if}}"],
            ["{{#if user}}", "{{/if}}"],
        ),
        (
            "{{~#unless ok~}}Retry{{else if busy}}Wait{{/unless}}",
            ["{{~#unless ok~}}", "{{else if busy}}", "{{/unless}}"],
            ["{{~#unless ok~}}", "{{else if busy}}", "{{/unless}}"],
        ),
        ("{{^items}}No items found.{{/items}}", ["{{^items}}", "{{/items}}"], None),
    ],
)
def test_a_handlebars_block_helper_is_one_placeholder(
    text: str, expected: list[str], as_tags: list[str] | None
) -> None:
    """The model translated and split a block helper (``{{#if-Prämie} {/if}`` for
    ``{{#if premium}}Upgrade now{{/if}}``): each is one placeholder, sent as a tag."""
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == (expected if as_tags is None else as_tags)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "{{ object.company_id.name }} Order (Ref {{ object.name or 'n/a' }})",
            ["{{ object.company_id.name }}", "{{ object.name or 'n/a' }}"],
        ),
        ("Due {{ format_date(object.date_order) }}", ["{{ format_date(object.date_order) }}"]),
        ("Total {{ object.amount_total | round(2) }}", ["{{ object.amount_total | round(2) }}"]),
        ('{{ (object.ref or "").upper() }} ready', ['{{ (object.ref or "").upper() }}']),
        ("Write {{ '}}' }} here", ["{{ '}}' }}"]),  # a quoted string holds any sign
        ("{{ a }} and {{ b }}", ["{{ a }}", "{{ b }}"]),
        ('See {{< ref "install.md" >}} now', ['{{< ref "install.md" >}}']),  # Hugo's shortcode
        ("{{ a\nb }}", []),  # over a line break: no expression of one line
    ],
)
def test_a_template_expression_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """The model translated an Odoo mail template's expression (``{{Objekt.name oder »n/a«
    })`` for ``{{ object.name or 'n/a' }}``): any expression of one line in double braces is
    one placeholder, sent as a tag."""
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Dear <t t-out=\"object.partner_id.name or ''\">Brandon Freeman</t>,",
            ["<t t-out=\"object.partner_id.name or ''\">", "</t>"],
        ),
        ('Due <span t-esc="format_date(o.date)"/> now', ['<span t-esc="format_date(o.date)"/>']),
    ],
)
def test_an_odoo_qweb_expression_is_its_tags_attribute(text: str, expected: list[str]) -> None:
    """QWeb's ``t-out``/``t-esc`` expressions stand in their tags' attributes: the tag is one
    placeholder, its expression with it."""
    assert [p.text for p in find_placeholders(text)] == expected


def test_a_path_goes_to_the_model_as_a_tag() -> None:
    """The model translated a "/" path's names (``/opt/Contoso/Programmdateien/ansicht``)."""
    assert [p.text for p in sent_as_tags("Open /opt/Contoso/Program Files/app now.")] == [
        "/opt/Contoso/Program Files/app"
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Set `MAX_RETRIES=5` in your `.env` file.", ["`MAX_RETRIES=5`", "`.env`"]),
        ("Run `npm install` and `npm run build`.", ["`npm install`", "`npm run build`"]),
        ("`git commit -m 'fix'` now", ["`git commit -m 'fix'`"]),
        ("Run ``make all`` now", ["``make all``"]),
        ("See `https://example.com/a`", ["`https://example.com/a`"]),
        # GNU's quotation, a backtick closed by an apostrophe, is none
        ("Use `%s' to quote.", ["%s"]),
        ("`foo' and `bar'", []),
        # session 63: TeX's quotes, stray backticks, apostrophes inside code
        ("He said ``hello'' and ``goodbye'' to the crowd.", []),
        ("Press the ` key and the ` key together.", []),
        ("Use `echo 'a' 'b'` to print both words.", ["`echo 'a' 'b'`"]),
        ("Run ``pip install x`` first", ["``pip install x``"]),
        # a fence, a lone backtick, a span over a line break
        ("```", []),
        ("a ` b", []),
        ("`a\nb`", []),
    ],
)
def test_inline_code_in_backticks_is_one_placeholder_marks_included(
    text: str, expected: list[str]
) -> None:
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == [e for e in expected if e.startswith("`")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # roles, a domain's, MyST's: the role's name with its content
        ("Press :kbd:`Ctrl+S` and :kbd:`Esc`.", [":kbd:`Ctrl+S`", ":kbd:`Esc`"]),
        ("Call :py:func:`f` or :class:`~pkg.Cls`", [":py:func:`f`", ":class:`~pkg.Cls`"]),
        # an explicit title is the reader's: its role and its target apart (test_rest_markup.py)
        ("See :ref:`Installing <install>` first", [":ref:`", " <install>`"]),
        ("Set :samp:`timeout={seconds}` now", [":samp:`timeout={seconds}`"]),
        ("Read {ref}`install` and {doc}`usage`", ["{ref}`install`", "{doc}`usage`"]),
        # hyperlink references, named and anonymous, their underscores with them
        (
            "Built with `Sphinx <https://www.sphinx-doc.org>`_ on `Read the Docs`__.",
            ["`Sphinx <https://www.sphinx-doc.org>`_", "`Read the Docs`__"],
        ),
        ("see the `tutorial`_ page", ["`tutorial`_"]),
        # footnotes, citations, substitutions
        (
            "Released in 2019 [#]_, see [1]_, [*]_ and [CIT2002]_.",
            ["[#]_", "[1]_", "[*]_", "[CIT2002]_"],
        ),
        ("Version |version| (|release|).", ["|version|", "|release|"]),
        # text: a pipe inside a word or spaced, a bracket without its underscore, a role's
        # marks alone, a span glued to words after its underscore
        ("json|yaml|xml or a | b |", []),
        ("Press [OK] or [1] now", []),
        ("Use :kbd: here", []),
        ("`x`_foo", ["`x`"]),
    ],
)
def test_rest_and_myst_inline_markup_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The value ${validatedValue} is too long.", ["${validatedValue}"]),
        (
            "Price ${formatter.format('%1$.2f', validatedValue)} is invalid.",
            ["${formatter.format('%1$.2f', validatedValue)}"],
        ),
        (
            'Price ${formatter.format("%1$.2f", validatedValue)}, at most {max}.',
            ['${formatter.format("%1$.2f", validatedValue)}', "{max}"],
        ),
        (
            "${validatedValue == 1 ? 'item' : 'items'}",
            ["${validatedValue == 1 ? 'item' : 'items'}"],
        ),
        ("Set ${HOME} first", ["${HOME}"]),
    ],
)
def test_an_el_expression_is_one_placeholder_with_its_dollar(
    text: str, expected: list[str]
) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Drupal's @name, %name and !name, and Symfony's %name%: one placeholder each
        ("Please check !email for further instructions.", ["!email"]),
        ("Hello @user's friend", ["@user"]),
        ("The block !block has been removed.", ["!block"]),
        ("You are not allowed to access %page.", ["%page"]),
        ("@user posted %title on @date (@site_name).", ["@user", "%title", "@date", "@site_name"]),
        ("one apple|%count% apples", ["%count%"]),
        ("Message from %sender_name%, %year%", ["%sender_name%", "%year%"]),
        ("Open %APPDATA% now", ["%APPDATA%"]),
        # printf as it was
        ("%s %d %1$s %(name)s %% %-5d", ["%s", "%d", "%1$s", "%(name)s", "%%", "%-5d"]),
        (
            "%lu of %llu, %dpx, %dx%d, %ds, %d%%",
            ["%lu", "%llu", "%d", "%d", "%d", "%d", "%d", "%%"],
        ),
        ("Copy %sFiles now", ["%s"]),
        # a duration's or a German count's unit glued to %d (t1.po, t2.po of session 66's trial)
        ("%dm ago, %dkm/h, %dy %dw", ["%d", "%d", "%d", "%d"]),
        ("%dfach schneller, %dmal versucht", ["%d", "%d"]),
        ("Welcome, %name! %type of %site_name", ["%name", "%type", "%site_name"]),
        ("%%name, %arg", ["%%", "%arg"]),
        # prose: an e-mail's, a price's, a package's, a resource's, curl's at sign; per cent
        # signs; a "!" after a word or a bracket; a word in capitals a model wrote
        ("Mail a@b.com @ 5 EUR, 100% or 50 % off", ["a@b.com"]),
        ("npm i @angular/core; @android:string/ok; curl -F file=@name", []),
        ("Hello!World [!NOTE] 'Q1 sales'!C2 @Zuhause", []),
    ],
)
def test_drupal_and_symfony_placeholders_are_one_each(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Go's verbs are printf conversions as %s and %f are (a user's trial, session 66)
        ("Unexpected value: %v", ["%v"]),
        ("Got %q from %T", ["%q", "%T"]),
        ("%+v and %#v", ["%+v", "%#v"]),
        ("%t %x %X %p %U", ["%t", "%x", "%X", "%p", "%U"]),
        ("Renamed %[1]s to %[2]s, %-[1]10.2f", ["%[1]s", "%[2]s", "%-[1]10.2f"]),
        ("%[2] and %b", []),  # no verb; %b is a date's month
    ],
)
def test_go_verbs_are_printf_placeholders(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


def test_a_go_argument_index_is_no_ordered_argument_and_aliases_the_sources() -> None:
    assert not find_placeholders("%[2]s")[0].ordered
    assert positional_aliases("Renamed %s to %d")["%[2]d"] == "%d"
    assert positional_aliases("Renamed %[1]s to %[2]s") == {}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("{{ .Name }}", "{{.Name}}"),
        ('{{  .Count | printf "%d"  }}', '{{.Count | printf "%d"}}'),
        ("{{- x -}}", "{{- x -}}"),
        ("{{{ body }}}", "{{{body}}}"),  # Handlebars' triple-stash keeps its three braces
        ("{%  if x %}", "{%if x%}"),
        ("{ name }", "{ name }"),  # no template's: vue-i18n's { name } is the check's own
        ("%s", "%s"),
        ("{0, -20}", "{0,-20}"),  # a .NET format item: .NET reads it so (t2.po, session 66)
        ("{ 1 , 10:C2}", "{1,10:C2}"),
        ("{0, number}", "{0, number}"),  # ICU's, as written
    ],
)
def test_unspaced_template(text: str, expected: str) -> None:
    assert unspaced_template(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an e-mail template's trial (session 68): "{{{{unsubscribeLink}}" came back, read
        # as a {{unsubscribeLink}} inside stray braces
        ("Unsubscribe: {{{unsubscribeLink}}}", ["{{{unsubscribeLink}}}"]),
        ("{{{legalFooter}}} All rights reserved.", ["{{{legalFooter}}}"]),
        ("{{{ body }}} and {{~{body}~}}", ["{{{ body }}}", "{{~{body}~}}"]),
        ("{{{a}}}{{b}}", ["{{{a}}}", "{{b}}"]),
    ],
)
def test_a_handlebars_triple_stash_is_one_placeholder(text: str, expected: list[str]) -> None:
    assert extract_placeholders(text) == expected
    # sent as a tag, as {{ x }} is: the model garbled its braces
    assert [p.text for p in sent_as_tags(text)] == [t for t in expected if t != "{{b}}"]


def test_angular_placeholders_are_placeholders_its_start_and_close_ones_tags() -> None:
    """``ng extract-i18n --format=json`` writes them; they were words ("placeholders: 0")."""
    text = "Hi {$INTERPOLATION}, {$START_LINK}help{$CLOSE_LINK}{$LINE_BREAK}"
    assert [(p.text, p.kind) for p in find_placeholders(text)] == [
        ("{$INTERPOLATION}", "brace"),
        ("{$START_LINK}", "tag"),
        ("{$CLOSE_LINK}", "tag"),
        ("{$LINE_BREAK}", "brace"),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Item {0,-20} costs {1,10:C2}", ["{0,-20}", "{1,10:C2}"]),
        ("{0,-10} {1, 8}", ["{0,-10}", "{1, 8}"]),
        ("{0, number}", ["{0, number}"]),  # ICU's typed argument, as before
    ],
)
def test_a_dotnet_format_item_with_its_alignment_is_one_placeholder(
    text: str, expected: list[str]
) -> None:
    """``{1,10:C2}`` was no placeholder: qa said the translation lacked the number 1,10."""
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("%snumbers use %s as a decimal point", ["%s", "%s"]),  # coreutils: %s glued to a word
        ('Current %slanguage: "%s"', ["%s", "%s"]),  # vim
        ("The menu %title contains @count links.", ["%title", "@count"]),  # Drupal's, no printf
        ("%count% of %d", ["%count%", "%d"]),  # Symfony's %name% stays one beside printf
    ],
)
def test_a_percent_name_is_drupals_only_in_a_text_without_printf(
    text: str, expected: list[str]
) -> None:
    """The dev bench's ``%snumbers use %s ...`` read as Drupal's ``%snumbers``: the model wrote
    ``Verwenden Sie`` for ``use``. A text with printf conversions has none of Drupal's."""
    assert [p.text for p in find_placeholders(text)] == expected


def test_a_short_colour_tag_is_sent_as_a_tag() -> None:
    """The model recoloured ``<#FF0000>`` (``<#FFFF00>``) or dropped a digit (``<#FFF00>``),
    which the number repair then padded to ``<#FFF0000>``; a ``<color=...>`` pair stays as
    written."""
    text = "<#FF0000>Danger!</color> <color=#00FF00>Ready</color>"
    assert [p.text for p in sent_as_tags(text)] == ["<#FF0000>"]


@pytest.mark.parametrize(
    ("text", "source", "expected"),
    [
        ("<size=120 %>Stufe!</size>", "<size=120%>Level!</size>", " Stufe! "),
        ("[color=#ff0000 ]Eisen[/color]", "[color=#ff0000]Iron[/color]", " Eisen "),
        # a name the source has no tag of, or a bracket without the name's end, is text
        ("<Name> und <size", "<size=120%>x</size>", "<Name> und <size"),
        ("a < b and c > d", "<b>x</b>", "a < b and c > d"),
    ],
)
def test_what_is_left_of_a_garbled_tag_is_no_text(text: str, source: str, expected: str) -> None:
    """qa called the 120 of <size=120 %> a number and size a misspelt word."""
    assert without_tag_remains(text, source) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Click *|UNSUB|* to leave.", ["*|UNSUB|*"]),
        (
            "Copyright © *|CURRENT_YEAR|* *|LIST:COMPANY|*, All rights reserved.",
            ["*|CURRENT_YEAR|*", "*|LIST:COMPANY|*"],
        ),
        ("Sent on *|DATE:d.m.Y|*", ["*|DATE:d.m.Y|*"]),
        (
            "*|IF:FNAME|*Hi *|FNAME|*,*|ELSE:|*Hi there,*|END:IF|*",
            ["*|IF:FNAME|*", "*|FNAME|*", "*|ELSE:|*", "*|END:IF|*"],
        ),
        ("*|IF:MMERGE5=Gold|*Gold member*|END:IF|*", ["*|IF:MMERGE5=Gold|*", "*|END:IF|*"]),
        # reST's emphasis and a pipe between words are no merge tag
        ("a *b|c|* d and **bold**", ["*", "*", "**", "**"]),
    ],
)
def test_a_mailchimp_merge_tag_is_one_placeholder(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Dialogflow's and Rasa's parameter references: the model wrote $pizza-Größe, lost $number
        ("I have ordered $number $pizza-size pizza.", ["$number", "$pizza-size"]),
        ("Size: $session.params.size.", ["$session.params.size"]),  # not the full stop
        ("Your $pizza-size- pizza", ["$pizza-size"]),  # nor a dash
        ("Arrives at #order-followup.address today.", ["#order-followup.address"]),
        ("$_var and PHP's $user", ["$_var", "$user"]),
        ("Set $HOME first", ["$HOME"]),
        # not money, a numbered or a Chrome message's placeholder as before, not a hashtag
        ("Only $5.99 or US$ 5, $$ for $", ["$$"]),
        ("$1 and $user$ and ${x}", ["$1", "$user$", "${x}"]),
        ("Issue #3, #v1.2, #hashtag, page.html#top.end, &#x2014;", ["&#x2014;"]),
    ],
)
def test_a_parameter_reference_is_a_placeholder(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(("text", "expected"), [
    ("The {product-name} agent", ["{product-name}"]),
    ("See {url-docs-2_0}.", ["{url-docs-2_0}"]),
    ("{product-name}-Name}", ["{product-name}"]),
    # braces in prose and JSON are no more placeholders than before
    ("a {-} b, {x-}, {-x}, { a-b }, {a--b}", []),
    ('{"user-id": 1}', []),
    ("pick {one - two}", []),
])  # fmt: skip
def test_an_asciidoc_attribute_with_hyphens_is_one_placeholder(
    text: str, expected: list[str]
) -> None:
    """Trial as170: po4a's AsciiDoc catalogs reference attributes by hyphened names; the model
    wrote ``{product-name}-Name}`` for ``{product-name}``, and neither the guard nor qa saw it."""
    assert [p.text for p in find_placeholders(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("<_:media-1/> The editor shows your photo.", ["<_:media-1/>"]),
        ("This work is licensed under a <_:link-1/>.", ["<_:link-1/>"]),
        ("Photonic stores thumbnails in a cache.<_:footnote-1/>", ["<_:footnote-1/>"]),
        ("Open the sidebar <_:media-1/> and choose <_:gui-12/>.", ["<_:media-1/>", "<_:gui-12/>"]),
        # what the model made of it is none: it lost the colon that itstool reads
        ("<_media-1/> Der Editor", []),
    ],
)
def test_an_itstool_placeholder_is_one_placeholder_sent_as_a_tag(
    text: str, expected: list[str]
) -> None:
    """itstool's stand-in for an element it takes out of a message (GNOME help): 'translate'
    wrote '<_media-1/>' for '<_:media-1/>', which itstool cannot put the image back for."""
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Moodle's link to a placeholder's URL: one tag, the ">" of "->" its value's
        ('Open the <a href="{$a->url}">review page</a>.', ['<a href="{$a->url}">', "</a>"]),
        ('Open the <a title="x>y" href="/r">page</a>.', ['<a title="x>y" href="/r">', "</a>"]),
        ("Open the <a title='x>y'>page</a>.", ["<a title='x>y'>", "</a>"]),
        ('<span title="x < 5">a</span>', ['<span title="x < 5">', "</span>"]),
        ('<img alt="a -> b" src="x.png"/>', ['<img alt="a -> b" src="x.png"/>']),
        # text with a lone "<" or ">" is read as before: no tag
        ("If a > b and x < 5 then a -> b => c.", []),
        ("Settings > Account", []),
    ],
)
def test_a_quoted_attribute_value_may_hold_a_bracket(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text) if p.kind == "tag"] == expected


def test_a_tag_with_a_bracket_in_a_value_goes_to_the_model_as_a_tag() -> None:
    text = 'Open the <a href="{$a->url}">review page</a> or the <a href="/r">list</a>.'
    assert [p.text for p in sent_as_tags(text)] == ['<a href="{$a->url}">']


@pytest.mark.parametrize(
    ("tag", "parts"),
    [
        ('<a href="{$a->url}">', TagParts(False, "a", False, "<")),
        ('<img alt="x>y"/>', TagParts(False, "img", True, "<")),
        ("<br / >", TagParts(False, "br", True, "<")),
    ],
)
def test_the_parts_of_a_tag_with_a_bracket_in_a_value(tag: str, parts: TagParts) -> None:
    assert tag_parts(tag) == parts


@pytest.mark.parametrize(
    ("text", "as_tags"),
    [
        ("You have {color=#ffcc00}50{/color} gold.", ["{color=#ffcc00}", "{/color}"]),
        ("Wait.{w=0.5} Go{nw}", ["{w=0.5}"]),  # {nw}: a brace field, which the model keeps
        # a format string's field stays; an escaped brace goes as a template's field does
        ("Hello {name}, {{this}", ["{{this}"]),
    ],
)
def test_renpy_text_tags_go_to_the_model_as_tags(text: str, as_tags: list[str]) -> None:
    """Its braces made the model drop the words before a count's pair (session 72)."""
    assert [p.text for p in sent_as_tags(text)] == as_tags


def test_find_placeholders_gives_a_list_of_its_own_each_time() -> None:
    """The placeholders of a text are kept for the next ask; a caller that changes its list
    changes no one else's."""
    first = find_placeholders("Delete %s from {folder}?")
    first.pop()
    second = find_placeholders("Delete %s from {folder}?")
    assert [placeholder.text for placeholder in second] == ["%s", "{folder}"]
    assert second is not find_placeholders("Delete %s from {folder}?")


def test_a_long_text_is_read_afresh_and_found_alike() -> None:
    """A text over the kept length is not kept, and gives the same placeholders."""
    long_text = "Delete %s from {folder}? " * 400
    assert len(long_text) > 4096
    found = find_placeholders(long_text)
    assert len(found) == 800
    assert found[:2] == find_placeholders("Delete %s from {folder}? ")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a Jinja, HubL, Twig or Django comment is one placeholder, sent as a tag (trial s74: it
        # was translated, its {# written {#-)
        (
            "{# Internal note: keep the greeting short #}",
            ["{# Internal note: keep the greeting short #}"],
        ),
        ("Hi {#- note -#} there", ["{#- note -#}"]),
        ("{#note#} and {# see #123 #}", ["{#note#}", "{# see #123 #}"]),
        ("{# {{ old_heading }} and {% if x %} #}", ["{# {{ old_heading }} and {% if x %} #}"]),
        # not an ICU case's count, nor a heading's anchor
        ("You have {count, plural, one {# file} other {# files}}", []),
        ("You have {count, plural, one {#} other {#}}", []),
        ("## Known issues {#known-issues}", []),
    ],
)
def test_a_template_comment_is_one_placeholder(text: str, expected: list[str]) -> None:
    assert [p.text for p in find_placeholders(text)] == expected
    assert [p.text for p in sent_as_tags(text)] == expected


@pytest.mark.parametrize(
    "text",
    [
        "{# " + "a" * 50_000,
        "{#" * 25_000,
        "{# " + "{a}" * 20_000,
        "{# " + "{{a" * 20_000,
        "{#" + "#" * 50_000,
        "{# " + "{{a}" * 12_000,
        "{# {{x}} " * 6_000,
    ],
)
def test_a_template_comment_is_read_in_linear_time(text: str) -> None:
    """Each piece of a comment's text starts with a character of its own, so an unclosed one
    fails at once."""
    started = time.perf_counter()
    list(re.finditer(_TEMPLATE_COMMENT, text))
    assert time.perf_counter() - started < 1.0


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an address's local part of up to 64 characters (RFC 5321's most) is the address's
        ("Mail " + "x" * 64 + "@example.com", ["x" * 64 + "@example.com"]),
        ("Mail " + "x" * 65 + "@example.com", []),
        ("Write to first.last+tag@example.com", ["first.last+tag@example.com"]),
        # a URL's scheme of up to 64 characters, one after a sign as before (url=git+ssh://)
        ("a" * 64 + "://example.com/x", ["a" * 64 + "://example.com/x"]),
        ("a" * 65 + "://example.com/x", []),
        ("Clone git+ssh://git@example.com/repo.git", ["git+ssh://git@example.com/repo.git"]),
        ("url=git+ssh://host/repo", ["ssh://host/repo"]),
        # what follows a long chain is found as before
        ("a." * 10_000 + " support@example.com", ["support@example.com"]),
        ("a-" * 10_000 + " https://example.com/a", ["https://example.com/a"]),
    ],
)
def test_a_url_scheme_and_an_address_local_part_are_bounded(text: str, expected: list[str]) -> None:
    assert extract_placeholders(text) == expected


@pytest.mark.parametrize(
    "chain", ["a.", "a-", "1.", "1-", "a:", "A:", "ab:", "a.b-", "a+", "\u00e9.", "a.1:", "a_"]
)
def test_a_long_chain_of_words_and_signs_is_read_in_linear_time(chain: str) -> None:
    """A URL's scheme, an address's local part and a reST role's name are read from each word
    or colon of a chain at most 64 characters far, not to its end and back: 20,000 characters
    took about 10 s (quadratic); now about 0.1 s (the bound leaves room for a loaded machine)."""
    text = chain * (20_000 // len(chain)) + "x"
    started = time.perf_counter()
    find_placeholders(text)
    assert time.perf_counter() - started < 3.0
