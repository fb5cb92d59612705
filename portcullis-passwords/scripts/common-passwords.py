#!/usr/bin/env python3
"""Writes the built-in common-password list (src/main/resources/dev/portcullis/passwords/common-passwords.txt).

Nothing is downloaded: the list is made from passwords that appear at the top of every published
"most common passwords" ranking (written down below from memory, in rough popularity order), then
patterns that password-spraying tools try first: base words and names with the usual suffixes,
seasons and months with years, keyboard walks and digit runs. Deterministic; run it again to
regenerate. Order matters: the audit tries the first N entries, so the most likely come first.
"""
import os

TOP = """123456 password 12345678 qwerty 123456789 12345 1234 111111 1234567 dragon 123123 baseball abc123
football monkey letmein 696969 shadow master 666666 qwertyuiop 123321 mustang 1234567890 michael 654321
superman 1qaz2wsx 7777777 121212 000000 qazwsx 123qwe killer trustno1 jordan jennifer zxcvbnm asdfgh hunter
buster soccer harley batman andrew tigger sunshine iloveyou 2000 charlie robert thomas hockey ranger daniel
starwars klaster 112233 george computer michelle jessica pepper 1111 zxcvbn 555555 11111111 131313 freedom
777777 pass maggie 159753 aaaaaa ginger princess joshua cheese amanda summer love ashley nicole chelsea biteme
matthew access yankees 987654321 dallas austin thunder taylor matrix welcome admin passw0rd p@ssw0rd
password1 password123 password! password1! qwerty123 qwerty1 1q2w3e4r 1q2w3e4r5t 1q2w3e 123abc abc12345
admin123 administrator root toor changeme changeme123 letmein1 welcome1 welcome123 welcome! iloveyou1
secret secret123 default guest test test123 testing user login login123 hello hello123 000000000 00000000
q1w2e3r4 q1w2e3r4t5 zaq12wsx zaq1zaq1 !qaz2wsx qwer1234 asdf1234 1qazxsw2 monkey123 dragon123 football1
baseball1 master123 superman1 princess1 sunshine1 shadow1 michael1 jordan23 ashley1 bailey 666666666 987654
hannah jasmine lovely flower 7777777777 888888 999999 123654 147258369 147258 159357 321654 a123456
aa123456 123456a 123456789a abcd1234 abcdef abcdefg abcdefgh 1234abcd pa55word pa$$w0rd passwort motdepasse
contrasena senha wachtwoord salasana haslo parola lozinka heslo jelszo""".split()

BASE = """password passw0rd welcome letmein qwerty admin monkey dragon master shadow sunshine princess football
baseball soccer hockey iloveyou secret summer winter spring autumn love hello freedom computer internet
office company changeme default login access support service mail email server system manager""".split()

NAMES = """michael jennifer jessica ashley daniel david james john robert william thomas charlie andrew joshua
matthew amanda nicole michelle sarah emma olivia sophie lucas oliver maria anna peter paul mark chris alex
george jordan taylor hannah""".split()

SEASONS = ["spring", "summer", "autumn", "fall", "winter"]
MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september",
          "october", "november", "december"]
YEARS = [str(y) for y in range(2015, 2028)]
SUFFIXES = ["1", "12", "123", "1234", "!", "1!", "123!", "01", "2", "11", "69", "99", "@123", "#1"]
WALKS = ["qwerty", "qwertyuiop", "asdfgh", "asdfghjkl", "zxcvbn", "zxcvbnm", "1qaz2wsx", "qazwsx", "1q2w3e4r",
         "q1w2e3r4", "qweasd", "qweasdzxc", "asdfasdf", "qwertz", "azerty", "1q2w3e4r5t6y", "zaq12wsx"]


def main():
    out, seen = [], set()

    def add(pw):
        if pw not in seen:
            seen.add(pw)
            out.append(pw)

    for pw in TOP:
        add(pw)
    for word in BASE:
        add(word)
        add(word.capitalize())
        for s in SUFFIXES:
            add(word + s)
            add(word.capitalize() + s)
    for word in SEASONS + MONTHS:
        for y in YEARS:
            add(word + y)
            add(word.capitalize() + y)
            add(word.capitalize() + y + "!")
            add(word + y[2:])
            add(word.capitalize() + "@" + y)
    for walk in WALKS:
        add(walk)
        add(walk + "!")
        add(walk + "123")
    for n in range(4, 13):
        add("".join(str(i % 10) for i in range(1, n + 1)))
        add("".join(str(i % 10) for i in range(n, 0, -1)))
    for d in "0123456789":
        for n in range(4, 11):
            add(d * n)
    for name in NAMES:
        add(name)
        for s in ["1", "123", "!"] + YEARS:
            add(name + s)
            add(name.capitalize() + s)
    for word in BASE:
        for y in YEARS:
            add(word + y)
            add(word.capitalize() + y + "!")
    here = os.path.dirname(os.path.abspath(__file__))
    path = os.path.join(here, "..", "src", "main", "resources", "dev", "portcullis", "passwords", "common-passwords.txt")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(out) + "\n")
    print(len(out), "passwords written to", os.path.normpath(path))


if __name__ == "__main__":
    main()
