"""HTML from other tools made into plain text: tags dropped, entities resolved, nothing kept.

The CNIL PIA software stores its answers as rich-text HTML (``<strong>``, lists, ``<span
style=...>``). We keep the words and the paragraph structure and nothing else: no tag, attribute,
link target, image, script or style survives, so no later writer (Word, PDF) can be tricked into
rendering markup. ``&lt;b&gt;`` becomes the literal text ``<b>``, which is what its author typed;
the report writers escape it like any other text.

Built on the standard library's tolerant HTML tokenizer: unclosed and misnested tags, stray
``<`` and broken entities never raise.
"""

from __future__ import annotations

import re
import unicodedata
from html.parser import HTMLParser

# Tags whose content is never text a person wrote for the reader.
_DROPPED = frozenset({"script", "style", "template", "head", "title", "noscript", "object"})
# Tags that end a line or a paragraph.
_BREAKS = frozenset({"br", "hr"})
_BLOCKS = frozenset(
    {
        "p", "div", "section", "article", "header", "footer", "blockquote", "pre", "table",
        "thead", "tbody", "tr", "ul", "ol", "dl", "dt", "dd", "h1", "h2", "h3", "h4", "h5", "h6",
        "address", "figure", "figcaption", "li",
    }
)  # fmt: skip
_CELLS = frozenset({"td", "th"})
_SPACES = re.compile(r"[ \t\f\v\u00a0\u2000-\u200a\u202f\u205f\u3000]+")
_MANY_BREAKS = re.compile(r"\n{3,}")


class _TextCollector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.dropping = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _DROPPED:
            self.dropping += 1
        elif tag in _BREAKS:
            self.parts.append("\n")
        elif tag == "li":
            self.parts.append("\n- ")
        elif tag in _BLOCKS:
            self.parts.append("\n\n")
        elif tag in _CELLS:
            self.parts.append(" ")

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BREAKS:
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in _DROPPED:
            self.dropping = max(0, self.dropping - 1)
        elif tag in _BLOCKS and tag != "li":
            self.parts.append("\n\n")

    def handle_data(self, data: str) -> None:
        if not self.dropping:
            self.parts.append(data)


def _printable(text: str) -> str:
    """Control and format characters out (line breaks and tabs stay), including the bidi
    overrides that make text read differently from how it is stored."""
    return "".join(
        ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc", "Cf", "Cs")
    )


def html_to_text(markup: str | None) -> str:
    """Plain text of an HTML fragment: words and paragraphs, nothing else."""
    if not markup:
        return ""
    collector = _TextCollector()
    collector.feed(markup.replace("\r\n", "\n").replace("\r", "\n"))
    collector.close()
    text = _printable("".join(collector.parts))
    lines = [_SPACES.sub(" ", line).strip() for line in text.split("\n")]
    joined = "\n".join(lines)
    return _MANY_BREAKS.sub("\n\n", joined).strip()
