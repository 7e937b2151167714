# This Source Code Form is subject to the terms of the Mozilla Public
# License, v. 2.0.

## Login dialog

-brand-short-name = Firefox
    .gender = masculine

# Variables:
#   $name (String) - user name
hello = Hello, { $name }!
emails = { $count ->
    [one] You have one email.
   *[other] You have { $count } emails.
}
inline = You have { $count ->
    [0] no new emails
    [one] one new email
   *[other] { NUMBER($count) } new emails
} in { -brand-short-name }.
login-input = Predefined value
    .placeholder = email@example.com
    .aria-label = Login input value
login-button =
    .label = Open the file
    .accesskey = O
dialog-window =
    .title = Settings
    .style = width: 32em
title-only = { -brand-short-name }
multi =
    Open the file in a new window.
    Save the file with a { "{" }name{ "}" } pattern.
gender-pick = { $gender ->
    [male] He saved the file.
    [female] She saved the file.
   *[other] They saved the file.
}
two-selects = { $a ->
   *[x] A
} and { $b ->
   *[y] B
}
