"""The pure HTML rendering functions: escaping, markers, snippets, documents."""

from assistant.types import Answer, Citation
from assistant.web import render

TEXT = "Intro line. The memo was signed by Joly. It has no binding commitment."
SIGNED = (12, 40)  # "The memo was signed by Joly."


def test_escape_turns_markup_and_template_syntax_into_entities():
    assert render.escape('<script>alert("x")</script>') == "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;"
    assert render.escape("<img src=x onerror=alert(1)>") == "&lt;img src=x onerror=alert(1)&gt;"
    assert render.escape("${a} {{b}} it's") == "&#36;&#123;a&#125; &#123;&#123;b&#125;&#125; it&#x27;s"


def test_link_markers_links_only_numbers_that_have_a_citation():
    assert render.link_markers("Joly [1], Kim [2], x [3].", 2, 4) == (
        'Joly <a class="cite" href="#src-4-1">[1]</a>, Kim <a class="cite" href="#src-4-2">[2]</a>, x [3].'
    )


def test_link_markers_splits_a_group_of_numbers():
    assert render.link_markers("both [1, 2]", 2, 0) == (
        'both <a class="cite" href="#src-0-1">[1]</a><a class="cite" href="#src-0-2">[2]</a>'
    )


def test_link_markers_while_streaming_styles_without_linking():
    assert render.link_markers("Joly [1]", 0, None) == 'Joly <span class="cite">[1]</span>'


def test_with_markers_appends_markers_only_when_none_is_present():
    assert render.with_markers("Canada and Korea signed.", 2) == "Canada and Korea signed. [1][2]"
    assert render.with_markers("Joly signed [1].", 2) == "Joly signed [1]."
    assert render.with_markers("See [7].", 1) == "See [7]. [1]"
    assert render.with_markers("No sources.", 0) == "No sources."


def test_render_answer_without_markers_still_links_every_citation():
    answer = Answer("Who?", "Joly.", False, [Citation("m.txt", 0, 1, "I"), Citation("m.txt", 1, 2, "n")])
    assert '<div class="answer">Joly. <a class="cite" href="#src-5-1">[1]</a><a class="cite" href="#src-5-2">[2]</a>' \
        in render.render_answer(answer, 5)


def test_render_partial_escapes_and_shows_a_cursor():
    assert render.render_partial("a <b> [1]\nc") == (
        '<div class="reply reply-streaming"><div class="answer streaming">a &lt;b&gt; <span class="cite">[1]</span>'
        '<br>c<span class="cursor">▍</span></div></div>'
    )


def test_render_answer_links_markers_and_counts_spans():
    answer = Answer("Who signed?", "Joly signed [1].", False, [Citation("m.txt", *SIGNED, TEXT[12:40])])
    assert render.render_answer(answer, 0, seconds=1.25) == (
        '<div class="reply reply-answer"><div class="answer">Joly signed <a class="cite" href="#src-0-1">[1]</a>.</div>'
        '<div class="meta">1 cited span · 1.2 s</div></div>'
    )


def test_render_answer_keeps_model_markup_and_markdown_images_as_text():
    answer = Answer("q", '<img src=x onerror=alert(1)> ![t](http://evil.example/p.png) <script>x</script>', False)
    html = render.render_answer(answer, 0)
    assert "<img" not in html and "<script" not in html
    assert "![t](http://evil.example/p.png)" in html  # shown literally, never turned into an image
    assert "&lt;img src=x onerror=alert(1)&gt;" in html


def test_render_answer_declined_is_a_distinct_notice():
    answer = Answer("Who is the PM?", "The documents do not say.", True)
    assert render.render_answer(answer, 3) == (
        '<div class="reply reply-abstain"><div class="notice notice-abstain" role="status">'
        '<div class="notice-title">The documents do not answer this question.</div>'
        '<div class="notice-detail">The documents do not say.</div></div></div>'
    )


def test_render_answer_shows_the_rewritten_follow_up_in_a_details_element():
    answer = Answer("And when?", "On January 29 [1].", False, [Citation("m.txt", 0, 5, "Intro")],
                    standalone_question="When was the <memo> signed?")
    html = render.render_answer(answer, 1)
    assert ('<details class="standalone"><summary>Understood as</summary>'
            "<p>When was the &lt;memo&gt; signed?</p></details>") in html


def test_render_answer_hides_a_standalone_question_equal_to_the_question():
    answer = Answer("Who signed?", "Joly.", False, standalone_question="Who signed?")
    assert "details" not in render.render_answer(answer, 0)


def test_context_window_cuts_at_spaces_around_the_span():
    left, right = render.context_window(TEXT, *SIGNED, radius=8)
    assert (left, right) == (6, 47)
    assert TEXT[left:right] == "line. The memo was signed by Joly. It has"
    assert render.context_window(TEXT, *SIGNED, radius=1000) == (0, len(TEXT))


def test_render_snippet_marks_the_span_in_its_context_with_ellipses():
    assert render.render_snippet(TEXT, *SIGNED, radius=8) == (
        '<span class="ctx">…line. </span><mark>The memo was signed by Joly.</mark>'
        '<span class="ctx"> It has…</span>'
    )


def test_render_snippet_squashes_newlines_and_escapes():
    text = "a <b>\n\nTarget here.\nafter"
    assert render.render_snippet(text, 7, 19) == (
        '<span class="ctx">a &lt;b&gt; </span><mark>Target here.</mark><span class="ctx"> after</span>'
    )


def test_render_sources_one_card_per_citation_with_anchor_ids():
    citations = [Citation("m.txt", *SIGNED, TEXT[12:40])]
    html = render.render_sources(citations, {"m.txt": TEXT}.get, turn=2)
    assert html.startswith('<div class="sources"><div class="source" id="src-2-1">')
    assert '<span class="source-name">m.txt</span>' in html
    assert "<mark>The memo was signed by Joly.</mark>" in html


def test_render_sources_falls_back_to_the_quote_when_the_text_changed():
    citations = [Citation("gone.txt", 0, 4, "<q>")]
    html = render.render_sources(citations, lambda source: None, turn=0)
    assert '<div class="source-text"><mark>&lt;q&gt;</mark></div>' in html


def test_render_sources_without_citations_says_so():
    empty = '<div class="sources-empty">No sources for this answer.</div>'
    assert render.render_sources([], lambda s: None, 0) == empty


def test_render_document_marks_spans_and_merges_overlaps():
    html = render.render_document("0123456789<x>", [(6, 9, 2), (1, 3, 1), (2, 4, 3), (10, 13, 4)])
    assert html == (
        '<div class="doc-text">0<mark data-cite="1,3">123</mark>45<mark data-cite="2">678</mark>9'
        '<mark data-cite="4">&lt;x&gt;</mark></div>'
    )


def test_render_document_ignores_empty_and_out_of_range_spans():
    assert render.render_document("abc", [(2, 2, 1), (5, 9, 2)]) == '<div class="doc-text">abc</div>'


def test_render_status_lists_documents_and_model():
    html = render.render_status("ready", ["a.txt", "<b>.md"], "qwen2.5-1.5b")
    assert "Model: <b class=\"model\">qwen2.5-1.5b</b>" in html
    assert '2 documents indexed: <span class="doc-list">a.txt, &lt;b&gt;.md</span>' in html
    assert "Loading models and index…" in render.render_status("loading")
    assert render.render_status("failed", detail="model <missing>") == (
        '<div class="status status-failed" role="status">The assistant could not start: model &lt;missing&gt;</div>'
    )


def test_render_user_escapes_and_marks_an_empty_question():
    assert render.render_user("<b>hi</b>") == '<div class="question">&lt;b&gt;hi&lt;/b&gt;</div>'
    assert render.render_user("  ") == '<div class="question empty">(empty question)</div>'
