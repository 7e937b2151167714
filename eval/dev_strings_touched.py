"""How many of the dev users' test strings sessions 44 and 45's changes to what the model is
given can touch: a line kept as written because it only names something
(``ltmt.units.is_code``: a URL, e-mail address, path or dotted identifier), a line with a
pictograph (emoji set aside at its edges; since session 45 inside its words too, given to the
model as tags), a string with a markup element whose opening tag has an attribute (taken out
and translated apart by ``ltmt.formats.paired_tags``; since session 45 any markup element,
counted too), and since session 48 a string with a character the model's normalisation folds
and ``ltmt.folded_characters`` gives back (``…``, ``™``, ``²``), and since session 51 a string
with a no-break space (put back by ``ltmt.folded_characters``) or with a character the default
model has no token for (or the multiplication sign), set aside as a tag by
``ltmt.pictographs.set_aside``, a key combination (``ltmt.key_combinations``), or a line
that names a language, a day or a month (given CLDR's German name by ``ltmt.language_names``
and ``ltmt.calendar_names``), and since session 52 a string with a date format (``%B %-d``,
``%l:%M %p``: ``ltmt.date_formats``, set aside as a tag and written in German's order). Where
each count is 0, those changes cannot move the dev users' BLEU. Only the default model's
tokenizer is read.

    python eval/dev_strings_touched.py --output eval/results/dev-strings-touched-s52.json
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from support import DEV_USERS_DIR, emit_report, use_this_checkout

use_this_checkout()


def main() -> None:
    from ltmt.bench.data import find_users
    from ltmt.calendar_names import calendar_name
    from ltmt.date_formats import date_runs
    from ltmt.folded_characters import ATTACHED, ELLIPSIS, NO_BREAK_SPACES
    from ltmt.formats.paired_tags import strip_pairs
    from ltmt.key_combinations import COMBINATION
    from ltmt.language_names import language_name
    from ltmt.model.backbone import DEFAULT_MODEL_DIR
    from ltmt.model.spm_tokenizer import load_tokenizer
    from ltmt.model.writable import UnwritableCharacters
    from ltmt.pictographs import holds_pictographs
    from ltmt.units import _NAME_LINE, cells

    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DEV_USERS_DIR)
    parser.add_argument("--output", type=Path, required=True)
    args = parser.parse_args()
    attributed = re.compile(r"<[A-Za-z][\w:.-]*\s+[\w:.-]+\s*=")
    unwritable = UnwritableCharacters(load_tokenizer(str(DEFAULT_MODEL_DIR), local=True))

    def set_aside_by_the_model(source: str) -> bool:
        return "\u00d7" in source or any(not c.isascii() and unwritable(c) for c in source)

    users = {}
    for user in find_users(args.data):
        lines = [cell for source in user.sources for cell in cells(source)]
        users[user.user] = {
            "strings": len(user.sources),
            "lines": len(lines),
            "lines_that_only_name": sum(bool(_NAME_LINE.fullmatch(line)) for line in lines),
            "lines_with_a_pictograph": sum(holds_pictographs(line) for line in lines),
            "strings_with_attributed_markup_pairs": sum(
                bool(attributed.search(source)) and strip_pairs(source) is not None
                for source in user.sources
            ),
            # since session 45 any markup element is a pair
            "strings_with_paired_tags": sum(
                strip_pairs(source) is not None for source in user.sources
            ),
            "strings_with_a_folded_character": sum(
                any(c in source for c in (ELLIPSIS, *ATTACHED)) for source in user.sources
            ),
            "strings_with_a_no_break_space": sum(
                any(c in source for c in NO_BREAK_SPACES) for source in user.sources
            ),
            "strings_with_a_character_the_model_cannot_write": sum(
                set_aside_by_the_model(source) for source in user.sources
            ),
            "strings_with_a_key_combination": sum(
                COMBINATION.search(source) is not None for source in user.sources
            ),
            "lines_naming_a_language": sum(language_name(line, "de") is not None for line in lines),
            "lines_naming_a_day_or_month": sum(
                calendar_name(line, "de") is not None for line in lines
            ),
            "strings_with_a_date_format": sum(bool(date_runs(s)) for s in user.sources),
        }
    totals = {
        key: sum(counts[key] for counts in users.values()) for key in next(iter(users.values()))
    }
    emit_report({"users": users, "totals": totals}, args.output)


if __name__ == "__main__":
    main()
