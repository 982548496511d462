"""Look of the chat: a theme with local fonts only (no request leaves the machine) and the CSS."""

from __future__ import annotations

import gradio as gr

SYSTEM_FONTS = ["ui-sans-serif", "system-ui", "-apple-system", "Segoe UI", "Roboto", "sans-serif"]
MONO_FONTS = ["ui-monospace", "SFMono-Regular", "Menlo", "Consolas", "monospace"]


def theme() -> gr.themes.Base:
    # The default themes fetch Google Fonts; system fonts keep the page offline.
    return gr.themes.Soft(font=SYSTEM_FONTS, font_mono=MONO_FONTS)


CSS = """
.status { padding: .45em .8em; border-radius: 8px; font-size: .95em; }
.status-loading { background: #eef4ff; color: #1d3b78; }
.status-ready { background: #eefaf0; color: #1f5130; }
.status-failed { background: #fdecea; color: #6b1a14; font-weight: 600; }
.status .doc-list { font-family: var(--font-mono); font-size: .9em; }

#chat .answer, #chat .question { line-height: 1.55; }
#chat .question.empty { font-style: italic; opacity: .7; }
#chat .cursor { opacity: .6; animation: blink 1s steps(2) infinite; }
@keyframes blink { 50% { opacity: 0; } }
.cite { font-weight: 700; font-size: .8em; vertical-align: super; text-decoration: none;
        color: var(--color-accent); padding: 0 .1em; }
a.cite:hover { text-decoration: underline; }

.notice { border-left: 4px solid; padding: .55em .8em; border-radius: 6px; }
.notice-title { font-weight: 600; }
.notice-detail { margin-top: .25em; }
.notice-abstain { background: #fff6e0; border-color: #e39b0b; color: #553a00; }
.notice-error { background: #fdecea; border-color: #d93025; color: #6b1a14; }
.notice-loading, .notice-info { background: #eef4ff; border-color: #3b6fd8; color: #1d3b78; }

details.standalone { margin-top: .45em; font-size: .88em; }
details.standalone summary { cursor: pointer; color: var(--body-text-color-subdued); }
.meta { margin-top: .35em; font-size: .8em; color: var(--body-text-color-subdued); }

#sources-panel, #doc-viewer { max-height: 460px; overflow-y: auto; }
.sources-title { font-weight: 600; margin-bottom: .5em; }
.sources-empty, .panel-hint { color: var(--body-text-color-subdued); font-size: .92em; }
.source { border: 1px solid var(--border-color-primary); border-radius: 8px;
          padding: .5em .75em; margin-bottom: .6em; scroll-margin-top: .5em; }
.source:target { outline: 3px solid var(--color-accent); }
.source-head { font-size: .88em; margin-bottom: .3em; }
.source-n { font-weight: 700; color: var(--color-accent); }
.source-name { font-family: var(--font-mono); font-weight: 600; }
.source-pos { color: var(--body-text-color-subdued); }
.source-text { line-height: 1.5; }
.ctx { color: var(--body-text-color-subdued); }
mark { background: #ffe066; color: #1a1a1a; padding: 0 .1em; border-radius: 2px; }
.doc-text { white-space: pre-wrap; line-height: 1.55; font-size: .95em; }
.upload-report ul { margin: .3em 0 0 1.1em; padding: 0; }
.upload-report .refused { color: #b3261e; }
"""
