#!/usr/bin/env python3
"""Build the character n-gram language profiles of Roost's language detector.

Writes Sources/Moderation/Text/LanguageProfiles+Data.swift from open text that is on any
Debian/Ubuntu machine: the gettext message catalogs under /usr/share/locale/<lang>/LC_MESSAGES/*.mo.

Sources and licences
  * Every translated string (msgstr) of every installed catalog of a language, e.g. coreutils,
    bash, dpkg, apt, Linux-PAM, PackageKit, glib, gtk, util-linux, iso-codes ... These are the
    translations shipped by GNU/Debian free software packages under the GPL/LGPL (a few under
    MIT/BSD-style licences); the profiles hold only aggregate character n-gram counts, not text.
  * English has no catalogs: its text is the union of the msgid strings of the same catalogs.
  Strings that are untranslated copies of their msgid, format specifiers (%s, %1$d, {0}, ${x}),
  command-line options (--help, -v), URLs, e-mail addresses, XML/HTML tags, keyboard
  accelerators (_File, &Open) and escapes are dropped before counting.

Method (mirrored exactly by LanguageDetector.swift)
  Text is NFC-normalised and lower-cased scalar by scalar (first scalar of the mapping);
  every scalar that is not a letter or mark (Unicode category L* or M*) becomes a space; runs
  of spaces collapse; each word is padded with one space on each side. All 1-, 2- and 3-grams
  of that padded string (windows not made only of spaces) are counted. A profile keeps the
  most frequent n-grams of each order with their counts and the total count of each order;
  the detector scores a text by the Naive-Bayes log-probability of its n-grams under each
  profile of its script, unseen n-grams costing a fixed floor.

Usage: python3 scripts/build_language_profiles.py [--evaluate-only]
  Holds out every 10th string of each language, trains on the rest, prints the accuracy on
  up to 400 held-out strings with >= 20 letters per language and how often the detector would
  answer at several "too close to call" margins (LanguageDetector.minimumMargin is 0.02), then
  writes the data file built from all the text. Takes a few minutes.
"""
import glob
import math
import os
import re
import struct
import sys
import unicodedata
from collections import Counter

LOCALE = "/usr/share/locale"
OUT = os.path.join(os.path.dirname(__file__), "..", "Sources", "Moderation", "Text",
                   "LanguageProfiles+Data.swift")

# ISO 639-1 code -> locale directories that feed it. Only languages written in a script that
# several languages share need a profile; scripts used by one language are handled by
# LanguageDetector's script shortcuts (ko, ja, zh, th, el, he, hi, ka, hy).
LANGUAGES = {
    "en": [],  # msgids, see above
    "es": ["es"], "pt": ["pt", "pt_BR"], "fr": ["fr"], "de": ["de"], "it": ["it"],
    "nl": ["nl"], "sv": ["sv"], "fi": ["fi"], "da": ["da"], "no": ["nb", "no"],
    "pl": ["pl"], "tr": ["tr"], "id": ["id"], "vi": ["vi"], "cs": ["cs"], "ro": ["ro"],
    "hu": ["hu"], "ca": ["ca"], "hr": ["hr"], "et": ["et"], "lt": ["lt"],
    "ru": ["ru"], "uk": ["uk"], "bg": ["bg"],
    "ar": ["ar"], "fa": ["fa"],
}
TOP = {1: 80, 2: 800, 3: 3000}  # n-grams kept per order
FLOOR = 0.5                    # unseen n-gram: this share of the rarest kept one
MAX_CHARS = 3_000_000          # text per language used (plenty for these profile sizes)

DROP = [
    re.compile(r"https?://\S+|www\.\S+|\S+@\S+\.\S+"),
    re.compile(r"<[^>]*>"),
    re.compile(r"%(\d+\$)?[-+ #0]*\d*(\.\d+)?(hh|h|ll|l|L|q|j|z|t)?[a-zA-Z%]"),
    re.compile(r"\{[^}]*\}|\$\{[^}]*\}|\$\w+"),
    re.compile(r"(?<!\w)--?[a-zA-Z][\w-]*"),
    re.compile(r"\\[ntr]"),
    re.compile(r"[_&](?=\w)"),
]


def read_mo(path):
    """Yields (msgid, msgstr) pairs of a gettext .mo file (plural forms split)."""
    data = open(path, "rb").read()
    if len(data) < 28:
        return
    magic = struct.unpack("<I", data[:4])[0]
    end = "<" if magic == 0x950412DE else ">" if magic == 0xDE120495 else None
    if end is None:
        return
    _, n, orig, trans = struct.unpack(end + "4I", data[4:20])
    charset = "utf-8"
    for i in range(n):
        ol, oo = struct.unpack(end + "2I", data[orig + 8 * i: orig + 8 * i + 8])
        tl, to = struct.unpack(end + "2I", data[trans + 8 * i: trans + 8 * i + 8])
        mid, mstr = data[oo:oo + ol], data[to:to + tl]
        if ol == 0:
            m = re.search(rb"charset=([\w-]+)", mstr)
            if m:
                charset = m.group(1).decode("ascii")
            continue
        try:
            mid_s = mid.decode(charset, "replace").split("\x04")[-1]
            strs = mstr.decode(charset, "replace").split("\x00")
        except LookupError:
            return
        ids = mid_s.split("\x00")
        for j, s in enumerate(strs):
            yield ids[min(j, len(ids) - 1)], s


def clean(s):
    for rx in DROP:
        s = rx.sub(" ", s)
    return " ".join(s.split())


def strings_for(code):
    seen, out = set(), []
    if code == "en":
        files = glob.glob(f"{LOCALE}/*/LC_MESSAGES/*.mo")
        pairs = ((mid, mid) for f in sorted(files) for mid, _ in read_mo(f))
    else:
        files = [f for d in LANGUAGES[code] for f in sorted(glob.glob(f"{LOCALE}/{d}/LC_MESSAGES/*.mo"))]
        pairs = ((mid, s) for f in files for mid, s in read_mo(f) if s and s != mid)
    total = 0
    for _, s in pairs:
        c = clean(s)
        if letters(c) < 4 or c in seen:
            continue
        seen.add(c)
        out.append(c)
        total += len(c)
        if total > MAX_CHARS:
            break
    return out


def letters(s):
    return sum(1 for ch in s if unicodedata.category(ch)[0] in "LM")


def padded(text):
    """The padded, lower-cased letter string the n-grams are taken from."""
    text = unicodedata.normalize("NFC", text)
    out = []
    for ch in text:
        low = ch.lower()[0]
        out.append(low if unicodedata.category(low)[0] in "LM" else " ")
    words = "".join(out).split()
    return " " + "  ".join(words) + " " if words else ""


def ngrams(text):
    p = padded(text)
    for n in (1, 2, 3):
        for i in range(len(p) - n + 1):
            g = p[i:i + n]
            if g.strip() and "  " not in g:
                yield g


def build(strings):
    counts = Counter()
    for s in strings:
        counts.update(ngrams(s))
    totals = {n: sum(c for g, c in counts.items() if len(g) == n) for n in (1, 2, 3)}
    prof = {}
    for n in (1, 2, 3):
        top = sorted(((g, c) for g, c in counts.items() if len(g) == n), key=lambda x: (-x[1], x[0]))
        prof.update(top[:TOP[n]])
    return prof, totals


class Model:
    """The scoring LanguageDetector.swift does, for evaluation."""

    def __init__(self, profiles):
        self.langs = sorted(profiles)
        self.table = {}
        self.floor = {}
        for lang in self.langs:
            prof, totals = profiles[lang]
            for n in (1, 2, 3):
                kept = [c for g, c in prof.items() if len(g) == n]
                self.floor[(lang, n)] = math.log(FLOOR * min(kept) / totals[n])
            for g, c in prof.items():
                self.table.setdefault(g, {})[lang] = math.log(c / totals[len(g)])

    def scores(self, text):
        sc = {lang: 0.0 for lang in self.langs}
        for g in ngrams(text):
            row = self.table.get(g, {})
            for lang in self.langs:
                sc[lang] += row.get(lang, self.floor[(lang, len(g))])
        return sorted(sc.items(), key=lambda x: -x[1])

    def detect(self, text):
        return self.scores(text)[0][0]


def evaluate(corpora):
    train = {c: [s for i, s in enumerate(ss) if i % 10] for c, ss in corpora.items()}
    test = {c: [s for i, s in enumerate(ss) if i % 10 == 0] for c, ss in corpora.items()}
    model = Model({c: build(ss) for c, ss in train.items()})
    print("held-out accuracy (strings with >= 20 letters, capped at 400 each):")
    tot = ok = 0
    confusion = Counter()
    margins = []
    for c in sorted(test):
        items = [s for s in test[c] if letters(s) >= 20][:400]
        good = 0
        for s in items:
            ranked = model.scores(s)
            got = ranked[0][0]
            margins.append(((ranked[0][1] - ranked[1][1]) / max(1, len(list(ngrams(s)))), got == c))
            good += got == c
            if got != c:
                confusion[(c, got)] += 1
        tot += len(items)
        ok += good
        print(f"  {c}: {good}/{len(items)} = {good / max(1, len(items)):.1%}")
    print(f"  all: {ok}/{tot} = {ok / max(1, tot):.1%}")
    print("  most confused:", ", ".join(f"{a}->{b} {n}" for (a, b), n in confusion.most_common(8)))
    for t in (0.02, 0.05, 0.1, 0.15, 0.2):
        kept = [ok for m, ok in margins if m >= t]
        print(f"  margin >= {t}: answers {len(kept) / len(margins):.1%}, of which right {sum(kept) / max(1, len(kept)):.2%}")
    return model


def write_swift(profiles):
    lines = [
        "// Generated by scripts/build_language_profiles.py from the gettext catalogs of",
        "// /usr/share/locale (GPL/LGPL translations of GNU/Debian software). Do not edit.",
        "// Each profile: \"total1 total2 total3\" then \"|ngram count\" entries; n-grams are",
        "// lower-case letters with spaces marking word edges.",
        "",
        "extension LanguageProfiles {",
        "    /// The raw profile of each language, parsed once by `LanguageProfiles.groups`.",
        "    static let raw: [(code: String, data: String)] = [",
    ]
    for code in sorted(profiles):
        prof, totals = profiles[code]
        body = "|".join(f"{g}{c}" for g, c in sorted(prof.items(), key=lambda x: (len(x[0]), -x[1], x[0])))
        body = body.replace("\\", "\\\\").replace('"', '\\"')
        lines.append(f'        ("{code}", "{totals[1]} {totals[2]} {totals[3]}|{body}"),')
    lines += ["    ]", "}", ""]
    with open(OUT, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    print(f"wrote {os.path.relpath(OUT)} ({os.path.getsize(OUT)} bytes)")


def main():
    corpora = {}
    for code in LANGUAGES:
        corpora[code] = strings_for(code)
        print(f"{code}: {len(corpora[code])} strings, {sum(map(len, corpora[code]))} chars", file=sys.stderr)
    evaluate(corpora)
    if "--evaluate-only" not in sys.argv:
        write_swift({c: build(ss) for c, ss in corpora.items()})


if __name__ == "__main__":
    main()
