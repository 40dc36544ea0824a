"""HTML from other tools made into plain text: tags dropped, entities resolved, nothing kept.

The CNIL PIA software stores its answers as rich-text HTML (``<strong>``, lists, ``<span
style=...>``). We keep the words and the paragraph structure and nothing else: no tag, attribute,
link target, image, script or style survives, so no later writer (Word, PDF) can be tricked into
rendering markup. ``&lt;b&gt;`` becomes the literal text ``<b>``, which is what its author typed;
the report writers escape it like any other text. A ``<`` that starts no tag stays as text.

The scanner is ours, and linear: the standard library's ``html.parser`` takes quadratic time on
some malformed input (``<a<a<a...``: minutes for a few hundred kilobytes), which a hostile file
would use to hang the import. Each step below finds the next tag with one bounded regular
expression or ``str.find`` and never looks back.
"""

from __future__ import annotations

import html
import re
import unicodedata

# Tags whose content is never text a person wrote for the reader.
_DROPPED = frozenset({"script", "style", "template", "head", "title", "noscript", "object"})
_BREAKS = frozenset({"br", "hr"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table",
        "thead", "tbody", "tr", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "address", "figure", "figcaption",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
# A start or end tag (attributes up to the first ">"), a comment opening, a declaration or a
# processing instruction. No nested quantifiers over the same characters: no backtracking blow-up.
_TAG = re.compile(
    r"<(/?)([A-Za-z][A-Za-z0-9:-]*)(?![A-Za-z0-9:-])[^<>]*>|<!--|<![^<>]*>|<\?[^<>]*>"
)
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


def _printable(text: str) -> str:
    """Control and format characters out (line breaks and tabs stay), including the bidi
    overrides that make text read differently from how it is stored."""
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )


def _strip_tags(markup: str) -> str:
    """The text between the tags, entities resolved, with line breaks where blocks were."""
    parts: list[str] = []
    dropping: str | None = None  # inside <script> ... </script> and the like
    position = 0
    while True:
        match = _TAG.search(markup, position)
        if match is None:
            if dropping is None:
                parts.append(html.unescape(markup[position:]))
            break
        if dropping is None:
            parts.append(html.unescape(markup[position : match.start()]))
        tag = match.group()
        if tag == "<!--":
            end = markup.find("-->", match.end())
            position = len(markup) if end < 0 else end + 3
            continue
        position = match.end()
        closing, name = match.group(1), (match.group(2) or "").lower()
        if not name:  # a declaration or processing instruction
            continue
        if dropping is not None:
            if closing and name == dropping:
                dropping = None
            continue
        if name in _DROPPED:
            if not closing and not tag.endswith("/>"):
                dropping = name
        elif name in _BREAKS:
            parts.append("\n")
        elif name == "li":
            if not closing:
                parts.append("\n- ")
        elif name in _BLOCKS:
            parts.append("\n\n")
        elif name in _CELLS:
            parts.append(" ")
    return "".join(parts)


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment: words and paragraphs, nothing else."""
    if not markup:
        return ""
    text = _strip_tags(markup.replace("\r\n", "\n").replace("\r", "\n"))
    lines = [_SPACES.sub(" ", line).strip() for line in _printable(text).split("\n")]
    return _MANY_BREAKS.sub("\n\n", "\n".join(lines)).strip()
