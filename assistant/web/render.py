"""Pure functions that turn answers and documents into safe HTML.

Every piece of text that comes from a document, a person or the model goes
through `escape` before it meets markup, so a document holding `<script>` or
`<img onerror=...>` shows as text. Answers are rendered as escaped HTML, not
Markdown, so `![x](http://elsewhere/x.png)` in model output stays text and
loads nothing.

>>> render_snippet("The memo was signed by Joly. It was late.", 13, 28, radius=5)
'<span class="ctx">…was </span><mark>signed by Joly.</mark><span class="ctx"> It…</span>'

Citation markers `[n]` in the answer link to the source card `#src-<turn>-<n>`;
ids carry the turn so that cards of different answers never collide.
"""

from __future__ import annotations

import html
import re
from collections.abc import Callable, Sequence

from ..types import Answer, Citation

SNIPPET_RADIUS = 220  # characters of context on each side of a cited span
_MARKER = re.compile(r"\[(\d+(?:\s*,\s*\d+)*)\]")  # [1] or [1, 2]


def escape(text: str) -> str:
    """HTML-escape text, and also `$ { }` so no client-side template can expand it.

    >>> escape('<img src=x onerror="alert(1)"> ${x}')
    '&lt;img src=x onerror=&quot;alert(1)&quot;&gt; &#36;&#123;x&#125;'
    """
    return html.escape(text, quote=True).replace("$", "&#36;").replace("{", "&#123;").replace("}", "&#125;")


def link_markers(escaped: str, n_citations: int, turn: int | None) -> str:
    """Turn `[n]` markers in escaped text into links to source cards.

    Markers beyond the citation list stay as plain text; with `turn=None`
    (an answer still being written) markers are styled but not linked.

    >>> link_markers("Joly [1] and Kim [3].", 1, 0)
    'Joly <a class="cite" href="#src-0-1">[1]</a> and Kim [3].'
    """

    def one(n: int) -> str:
        if turn is None:
            return f'<span class="cite">[{n}]</span>'
        return f'<a class="cite" href="#src-{turn}-{n}">[{n}]</a>'

    def replace(match: re.Match) -> str:
        numbers = [int(n) for n in re.findall(r"\d+", match.group(1))]
        if turn is not None and not all(1 <= n <= n_citations for n in numbers):
            return match.group(0)
        return "".join(one(n) for n in numbers)

    return _MARKER.sub(replace, escaped)


def with_markers(text: str, n_citations: int) -> str:
    """Append `[1]`…`[n]` when the text marks none of its citations, so every span is reachable.

    >>> with_markers("Joly signed.", 2), with_markers("Joly [2] signed.", 2)
    ('Joly signed. [1][2]', 'Joly [2] signed.')
    """
    cited = {int(n) for group in _MARKER.findall(text) for n in re.findall(r"\d+", group)}
    if n_citations == 0 or cited & set(range(1, n_citations + 1)):
        return text
    return text.rstrip() + " " + "".join(f"[{n}]" for n in range(1, n_citations + 1))


def _paragraphs(escaped: str) -> str:
    return escaped.strip().replace("\n", "<br>")


def render_user(question: str) -> str:
    if not question.strip():
        return '<div class="question empty">(empty question)</div>'
    return f'<div class="question">{_paragraphs(escape(question))}</div>'


def reply(kind: str, inner: str) -> str:
    """Wrap an assistant chat message: kind is "answer", "abstain", "streaming", "error", "waiting"."""
    return f'<div class="reply reply-{kind}">{inner}</div>'


def render_partial(text: str) -> str:
    """An answer while it is being generated."""
    body = _paragraphs(link_markers(escape(text), 0, None))
    return reply("streaming", f'<div class="answer streaming">{body}<span class="cursor">▍</span></div>')


def render_answer(answer: Answer, turn: int, seconds: float | None = None) -> str:
    """The final chat message: the answer (or a declined notice) with its details."""
    if answer.abstained:
        body = render_notice(
            "abstain",
            "The documents do not answer this question.",
            answer.answer,
        )
    else:
        count = len(answer.citations)
        text = link_markers(escape(with_markers(answer.answer, count)), count, turn)
        body = f'<div class="answer">{_paragraphs(text)}</div>'
    return reply("abstain" if answer.abstained else "answer", body + _standalone(answer) + _meta(answer, seconds))


def _standalone(answer: Answer) -> str:
    rewritten = (answer.standalone_question or "").strip()
    if not rewritten or rewritten == answer.question.strip():
        return ""
    return (
        '<details class="standalone"><summary>Understood as</summary>'
        f"<p>{escape(rewritten)}</p></details>"
    )


def _meta(answer: Answer, seconds: float | None) -> str:
    parts = []
    if answer.citations:
        count = len(answer.citations)
        parts.append(f"{count} cited span{'s' if count != 1 else ''}")
    if seconds is not None:
        parts.append(f"{seconds:.1f} s")
    return f'<div class="meta">{" · ".join(parts)}</div>' if parts else ""


def render_notice(kind: str, title: str, detail: str = "") -> str:
    """A styled notice: kind is "abstain", "error", "loading" or "info"."""
    detail_html = f'<div class="notice-detail">{_paragraphs(escape(detail))}</div>' if detail.strip() else ""
    return (
        f'<div class="notice notice-{escape(kind)}" role="status">'
        f'<div class="notice-title">{escape(title)}</div>{detail_html}</div>'
    )


def context_window(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> tuple[int, int]:
    """Bounds of `text[start:end]` widened by about `radius` characters, cut at spaces.

    >>> context_window("aaa bbb ccc ddd eee", 8, 11, radius=5)
    (4, 15)
    """
    left = max(0, start - radius)
    if left > 0:
        space = text.find(" ", left, start)
        left = space + 1 if space != -1 else left
    right = min(len(text), end + radius)
    if right < len(text):
        space = text.rfind(" ", end, right)
        right = space if space != -1 else right
    return left, right


def _squash(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def render_snippet(text: str, start: int, end: int, radius: int = SNIPPET_RADIUS) -> str:
    """The cited span highlighted inside a few hundred characters of its context."""
    left, right = context_window(text, start, end, radius)
    before = ("…" if left > 0 else "") + _squash(text[left:start])
    after = _squash(text[end:right]) + ("…" if right < len(text) else "")
    return (
        f'<span class="ctx">{escape(before)}</span>'
        f"<mark>{escape(_squash(text[start:end]))}</mark>"
        f'<span class="ctx">{escape(after)}</span>'
    )


def render_sources(citations: Sequence[Citation], text_of: Callable[[str], str | None], turn: int) -> str:
    """One card per citation: number, document name and the span in its context.

    `text_of(source)` returns the document's text, or None when it cannot be
    read any more (then the card shows the quote alone).
    """
    if not citations:
        return '<div class="sources-empty">No sources for this answer.</div>'
    cards = []
    for n, citation in enumerate(citations, start=1):
        text = text_of(citation.source)
        if text is not None and text[citation.start:citation.end] == citation.quote:
            snippet = render_snippet(text, citation.start, citation.end)
        else:
            snippet = f"<mark>{escape(_squash(citation.quote))}</mark>"
        cards.append(
            f'<div class="source" id="src-{turn}-{n}">'
            f'<div class="source-head"><span class="source-n">[{n}]</span> '
            f'<span class="source-name">{escape(citation.source)}</span> '
            f'<span class="source-pos">characters {citation.start}–{citation.end}</span></div>'
            f'<div class="source-text">{snippet}</div></div>'
        )
    return '<div class="sources">' + "".join(cards) + "</div>"


def render_document(text: str, spans: Sequence[tuple[int, int, int]]) -> str:
    """The whole document with the cited spans `(start, end, n)` marked.

    Overlapping spans are merged into one <mark> that carries all their numbers.

    >>> render_document("a <b> c", [(2, 5, 1)])
    '<div class="doc-text">a <mark data-cite="1">&lt;b&gt;</mark> c</div>'
    """
    out, position = [], 0
    for start, end, numbers in _merge(spans, len(text)):
        out.append(escape(text[position:start]))
        label = ",".join(str(n) for n in numbers)
        out.append(f'<mark data-cite="{label}">{escape(text[start:end])}</mark>')
        position = end
    out.append(escape(text[position:]))
    return '<div class="doc-text">' + "".join(out) + "</div>"


def _merge(spans: Sequence[tuple[int, int, int]], length: int) -> list[tuple[int, int, list[int]]]:
    merged: list[tuple[int, int, list[int]]] = []  # (start, end, citation numbers)
    for start, end, n in sorted(spans):
        start, end = max(0, start), min(length, end)
        if start >= end:
            continue
        if merged and start <= merged[-1][1]:
            last_start, last_end, numbers = merged[-1]
            merged[-1] = (last_start, max(last_end, end), sorted({*numbers, n}))
        else:
            merged.append((start, end, [n]))
    return merged


def render_status(state: str, sources: Sequence[str] = (), model: str = "", detail: str = "") -> str:
    """The header line: loading, ready (documents indexed, model), or failed."""
    if state == "loading":
        return '<div class="status status-loading" role="status">⏳ Loading models and index…</div>'
    if state == "failed":
        return (
            '<div class="status status-failed" role="status">The assistant could not start: '
            f"{escape(detail)}</div>"
        )
    count = len(sources)
    names = ", ".join(escape(s) for s in sources) or "none"
    return (
        '<div class="status status-ready" role="status">'
        f'<span>Ready</span> · <span>Model: <b class="model">{escape(model)}</b></span> · '
        f'<span>{count} document{"s" if count != 1 else ""} indexed: '
        f'<span class="doc-list">{names}</span></span></div>'
    )


def render_sources_panel(
    question: str, citations: Sequence[Citation], text_of: Callable[[str], str | None], turn: int
) -> str:
    """The sources column for one answer: a heading naming the question, then the cards."""
    heading = f'<div class="sources-title">Sources for “{escape(question)}”</div>'
    return heading + render_sources(citations, text_of, turn)


def render_upload_report(lines: Sequence[tuple[str, str]]) -> str:
    """A list of (kind, message) lines; kind "refused" is shown in red, anything else plainly.

    >>> render_upload_report([("ok", "a.txt"), ("refused", "b.pdf: <no>")])
    '<div class="upload-report"><ul><li class="ok">a.txt</li><li class="refused">b.pdf: &lt;no&gt;</li></ul></div>'
    """
    items = "".join(f'<li class="{escape(kind)}">{escape(message)}</li>' for kind, message in lines)
    return f'<div class="upload-report"><ul>{items}</ul></div>'
