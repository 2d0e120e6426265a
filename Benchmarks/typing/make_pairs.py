#!/usr/bin/env python3
"""Keystroke test sets for `hezamatch-bench keystrokes`, built from the rules of the input methods.

    python3 Benchmarks/typing/make_pairs.py OUT_DIR

Writes OUT_DIR/pairs.tsv: every distinct Vietnamese syllable with a diacritic in a real HEZA report
(abbreviations without a vowel, such as nđ or qđ, are no syllables and left out)
(Benchmarks/data/heza-report-2023.txt) typed four ways, `typed<TAB>syllable<TAB>method`:
- telex: marks as typed (aa ee oo aw ow uw dd), the tone key at the end of the word (`dduwowcj`);
- telex-inline: the tone key right after the vowel that carries it (`dduwowjc`);
- vni: 6 7 8 9 after the letter, the tone digit at the end (`d9u7o7c5`);
- viqr: ^ + ( after the vowel, dd for đ, the tone mark right after its vowel (`ddu+o+.c`).
and OUT_DIR/words.txt: English words that must stay as typed: the ASCII words of the bundled
Corpus that are not Vietnamese (titles and skills written in English, codes), and the lower-case
words of 2 to 12 letters of PyPI's english-words (its "web2" list), installed into .venv-tools/.
"""
import json, os, re, subprocess, sys, unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
TONES = {"\u0301": ("s", "1", "'"), "\u0300": ("f", "2", "`"), "\u0309": ("r", "3", "?"), "\u0303": ("x", "4", "~"), "\u0323": ("j", "5", ".")}
MARKS = {"\u0302": ("{0}{0}", "{0}6", "{0}^"), "\u031b": ("{0}w", "{0}7", "{0}+"), "\u0306": ("{0}w", "{0}8", "{0}(")}


def letters(word):
    """(base, mark, tone) for each letter of an NFC word."""
    out = []
    for ch in word:
        d = unicodedata.normalize("NFD", ch)
        base, rest = d[0], d[1:]
        mark = next((m for m in rest if m in MARKS), None)
        tone = next((t for t in rest if t in TONES), None)
        out.append((base, mark, tone))
    return out


def encode(word, method):
    parts, tone_key = [], ""
    for base, mark, tone in letters(word):
        if base == "đ":
            parts.append({"telex": "dd", "telex-inline": "dd", "vni": "d9", "viqr": "dd"}[method]); continue
        text = base
        if mark:
            index = {"telex": 0, "telex-inline": 0, "vni": 1, "viqr": 2}[method]
            text = MARKS[mark][index].format(base)
        if tone:
            key = TONES[tone][{"telex": 0, "telex-inline": 0, "vni": 1, "viqr": 2}[method]]
            if method in ("telex-inline", "viqr"):
                text += key
            else:
                tone_key = key
        parts.append(text)
    return "".join(parts) + tone_key


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    text = unicodedata.normalize("NFC", open(os.path.join(ROOT, "Benchmarks/data/heza-report-2023.txt"), encoding="utf-8").read()).lower()
    syllables = sorted({w for w in re.findall(r"[^\W\d_]+", text) if not w.isascii() and w.isalpha() and len(w) <= 7
                        and re.search("[aeiouyăâêôơư]", unicodedata.normalize("NFC", "".join(c for c in unicodedata.normalize("NFD", w) if c not in TONES)))})
    with open(os.path.join(out, "pairs.tsv"), "w", encoding="utf-8") as f:
        for s in syllables:
            for method in ("telex", "telex-inline", "vni", "viqr"):
                f.write(f"{encode(s, method)}\t{s}\t{method}\n")
    # Words that must stay as typed.
    words = set()
    for name in ("postings.jsonl", "profiles.jsonl"):
        for line in open(os.path.join(ROOT, "Corpus", name), encoding="utf-8"):
            record = json.loads(line)
            for field in ("title", "skills", "desired_titles", "major"):
                value = record.get(field) or []
                for item in value if isinstance(value, list) else [value]:
                    words.update(w for w in re.findall(r"[A-Za-z0-9]+", item) if w.isascii())
    vietnamese = {unicodedata.normalize("NFD", s).encode("ascii", "ignore").decode() for s in syllables}
    corpus_words = {w for w in words if w.lower() not in vietnamese}
    venv = os.path.join(ROOT, ".venv-tools")
    if not os.path.exists(os.path.join(venv, "bin", "python")):
        subprocess.run([sys.executable, "-m", "venv", venv], check=True)
    subprocess.run([os.path.join(venv, "bin", "pip"), "install", "-q", "english-words==2.0.2"], check=True)
    english = subprocess.run([os.path.join(venv, "bin", "python"), "-c",
                              "from english_words import get_english_words_set as g; print('\\n'.join(sorted(g(['web2'], lower=True, alpha=True))))"],
                             check=True, capture_output=True, text=True).stdout.split()
    english = [w for w in english if 2 <= len(w) <= 12]
    with open(os.path.join(out, "corpus-words.txt"), "w") as f:
        f.write("\n".join(sorted(corpus_words)) + "\n")
    with open(os.path.join(out, "english-words.txt"), "w") as f:
        f.write("\n".join(english) + "\n")
    print(f"{len(syllables)} syllables × 4 methods; {len(corpus_words)} English and technical words of the Corpus; {len(english)} English words")


if __name__ == "__main__":
    main()
