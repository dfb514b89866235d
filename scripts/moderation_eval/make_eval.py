#!/usr/bin/env python3
"""Builds fixtures/moderation/eval_multilingual.jsonl from the hand-written material in
lang_a.py, lang_b.py and lang_c.py (15 languages, CC0): clean posts composed from slot phrases
(chosen so that no two share many word pairs), hard negatives (chants, stretched cheers,
hashtag-rich photo posts, place names and innocent substrings, legitimate promotions and crypto
news), profanity (half disguised: leetspeak, masks, spacing, letter swaps, stretching), scams,
spam with several signals together, and cross-posted near-duplicates with a word changed.
About 30% of the posts (by a hash of the id) form the held-out split.

    python3 scripts/moderation_eval/make_eval.py > fixtures/moderation/eval_multilingual.jsonl
"""
import hashlib, json, random, re, sys, os
sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lang_a import LANGS as A
from lang_b import LANGS as B
from lang_c import LANGS as C

LANGS = {**A, **B, **C}
CHANNELS = ["rss", "twitter", "instagram", "facebook", "bluesky", "youtube"]


def bigrams(text):
    words = re.findall(r"\w+", text.lower())
    return set(zip(words, words[1:]))


def jaccard(a, b):
    return len(a & b) / max(1, len(a | b))


def disguise(word, how, rng):
    """The swear as a person hiding it might write it."""
    if how == "leet":
        table = {"a": "4", "e": "3", "i": "1", "o": "0", "s": "$"}
        out, done = "", False
        for ch in word:
            if not done and ch.lower() in table:
                out += table[ch.lower()]; done = True
            else:
                out += ch
        return out
    if how == "mask":
        vowels = [i for i, ch in enumerate(word) if ch.lower() in "aeiouyäöü" and 0 < i < len(word) - 1]
        if not vowels:
            return word
        i = vowels[0]
        return word[:i] + "*" + word[i + 1:]
    if how == "spaced" and " " not in word and len(word) <= 7:
        return " ".join(word)
    if how == "swap":
        swapped = word.replace("f", "ph").replace("F", "Ph").replace("u", "v")
        return swapped
    if how == "stretch":
        for i in range(len(word) - 1, 0, -1):
            if word[i].lower() in "aeiouäöü":
                return word[:i] + word[i] * 3 + word[i + 1:]
    return word


def clean_posts(lang, spec, rng, count):
    chosen, shingles = [], []
    combos = [(a, b, c, d) for a in range(7) for b in range(7) for c in range(7) for d in range(7)]
    rng.shuffle(combos)
    for a, b, c, d in combos:
        place = rng.choice(spec["places"])
        n = rng.choice([3, 5, 8, 12, 16, 40, 75, 120, 250, 480])
        time = rng.choice(["17:00", "18:30", "19:00", "19:30", "20:00", "21:15"])
        text = " ".join([spec["A"][a], spec["B"][b].format(place=place), spec["C"][c].format(n=n, time=time), spec["D"][d]])
        grams = bigrams(text)
        if any(jaccard(grams, g) > 0.3 for g in shingles):
            continue
        chosen.append(text); shingles.append(grams)
        if len(chosen) == count:
            break
    return chosen


def edit(text, spec, rng):
    """A cross-post with a small edit: one word swapped, hashtags or a link added."""
    words = text.split(" ")
    i = rng.randrange(1, len(words) - 1)
    words[i] = rng.choice(["!!", "👏", "🙌", "❤️"]) + " " + words[i] if rng.random() < 0.5 else words[i].upper()
    out = " ".join(words)
    if rng.random() < 0.5:
        out += " " + " ".join("#" + t for t in rng.sample(spec["photo_tags"], 3))
    else:
        out += " https://example.com/p/" + str(rng.randrange(1000, 9999))
    return out


def build(lang, spec, rng):
    posts = []
    def add(text, label, why, **extra):
        tags = re.findall(r"#(\w+)", text)
        posts.append(dict(lang=lang, text=text, tags=tags, label=label, why=why, channel=rng.choice(CHANNELS), **extra))
    cleans = clean_posts(lang, spec, rng, 47)
    for text in cleans:
        add(text, "keep", "clean")
    for template in spec["chants"]:
        team = rng.choice(spec["teams"])
        add(template.format(team=team, TEAM=team.upper()), "keep", "hard-chant")
    for text in spec["innocent"]:
        add(text, "keep", "hard-innocent")
    for caption in spec["photo"]:
        tags = rng.sample(spec["photo_tags"], rng.randrange(11, 17))
        add(caption + " " + " ".join("#" + t for t in tags), "keep", "hard-photo")
    for text in spec["promos"]:
        add(text, "keep", "hard-promo")
    for index, sentence in enumerate(spec["prof"]):
        how = ["plain", "plain", "plain", "plain", "leet", "mask", "spaced" if index % 2 else "swap", "stretch"][index % 8]
        text = re.sub(r"\{\{(.+?)\}\}", lambda m: disguise(m.group(1), how, rng), sentence)
        add(text, "hide", "profanity", disguise=how)
    for text in spec["scams"]:
        add(text, "hide", "scam")
    closings = spec["D"]
    for k in range(8):
        links = " ".join(f"https://shop{rng.randrange(100, 999)}.example/{rng.randrange(10**5)}" for _ in range(rng.randrange(2, 6)))
        bait = " ".join("#" + t for t in rng.sample(spec["bait"], rng.randrange(2, 4)))
        variants = [
            f"{closings[k % 7].upper()}!!!!!!!! {links} {bait}",
            f"{closings[(k + 5) % 7]} {bait} " + " ".join("#" + t for t in rng.sample(spec["photo_tags"], 12)),
            f"{closings[(k + 3) % 7]} {links} {links.replace('https://shop', 'https://store')}",
            f"{spec['photo'][(k + 2) % 5].upper()} {spec['teams'][k % 4].upper()} {links} $$$$$$$$",
        ]
        add(variants[k % 4], "hide", "spam")
    for original in rng.sample(range(len(cleans)), 10):
        add(edit(cleans[original], spec, rng), "hide", "near-duplicate", copies=original)
    return posts


def main():
    rng = random.Random(15)
    everything = []
    for lang in sorted(LANGS):
        posts = build(lang, LANGS[lang], rng)
        for number, post in enumerate(posts, 1):
            post["id"] = f"{lang}-m{number:03d}"
        for post in posts:
            if "copies" in post:
                post["duplicateOf"] = f"{lang}-m{post.pop('copies') + 1:03d}"
        everything += posts
    # File order: shuffled, each near-duplicate after the post it copies.
    originals = [p for p in everything if "duplicateOf" not in p]
    copies = [p for p in everything if "duplicateOf" in p]
    rng.shuffle(originals)
    order = originals[:]
    for copy in copies:
        at = next(i for i, p in enumerate(order) if p["id"] == copy["duplicateOf"])
        order.insert(rng.randrange(at + 1, len(order) + 1), copy)
    for post in order:
        digest = int(hashlib.sha256(post["id"].encode()).hexdigest(), 16)
        post["split"] = "heldout" if digest % 10 < 3 else "tune"
        keys = ["id", "lang", "split", "channel", "text", "tags", "label", "why"] + [k for k in ("disguise", "duplicateOf") if k in post]
        print(json.dumps({k: post[k] for k in keys}, ensure_ascii=False))


if __name__ == "__main__":
    main()
