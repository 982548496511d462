from assistant.fusion import fuse
from assistant.lexical import BM25, EXPANSIONS, expand
from assistant.text import content_words, similar, stem, stems


def test_stems_match_plurals_tenses_and_demonyms():
    assert stem("batteries") == stem("battery") == "battery"
    assert stem("signed") == stem("signing") == "sign"
    assert stem("establishes") == "establish"
    assert similar(stem("Canadian"), stem("Canada")) and similar(stem("Korean"), stem("Korea"))
    assert not similar("trade", "tradition") and not similar("cat", "cats")


def test_one_typo_in_a_long_word_still_matches_but_short_words_and_other_prefixes_do_not():
    assert similar("comittee", "committee") and similar("goverment", "government") and similar("recieve", "receive")
    assert similar("commitee", "committee")  # a letter dropped further on
    assert not similar("affect", "effect") and not similar("internal", "external") and not similar("dessert", "desert")
    assert not similar("import", "export") and not similar("increase", "decrease")


def test_short_words_ending_in_ly_are_not_adverbs():
    assert stem("Italy") == "italy" and stem("supply") == "supply" and stem("family") == "family"
    assert stem("quickly") == "quick" and stem("directly") == "direct"


def test_content_words_fold_accents_and_drop_stop_words_and_possessives():
    assert content_words("Who is Mélanie Joly’s counterpart?") == ["melanie", "joly", "counterpart"]
    assert content_words("Bolesław of Płock") == ["boleslaw", "plock"]  # letters Unicode does not decompose


def test_stems_split_hyphenated_names_too():
    assert stems("Kim Jung-kwan") == ["kim", "jung-kwan", "jung", "kwan"]


def test_bm25_ranks_rare_matching_terms_first_and_ignores_unknown_terms():
    bm25 = BM25([["committee", "create"], ["joly", "sign", "committee"], ["battery"]])
    assert [i for i, _ in bm25.top(["joly", "committee"], 3)] == [1, 0]
    assert bm25.top(["unknown"], 3) == []


def test_fusion_keeps_score_margins_that_ranks_lose():
    dense = [("a", 0.60), ("b", 0.59), ("c", 0.58), ("d", 0.20)]
    lexical = [("d", 9.0), ("a", 1.0), ("b", 0.5)]  # "d" far ahead on a rare word
    fused = fuse([dense, lexical])
    assert [item for item, _ in fused][:2] == ["a", "d"]  # last by dense, far ahead by BM25: second overall
    assert dict(fused)["c"] == (0.38 / 0.40) / 2  # normalised within its list; missing from the other: 0
    assert fuse([[("x", 3.0)], []]) == [("x", 0.5)] and fuse([]) == []


def test_hybrid_retrieval_keeps_near_ties_of_a_short_bm25_list():
    from assistant.retrieval import HybridRetriever
    from assistant.types import Span

    texts = ["The agreement creates a body, a new body.", "The agreement creates a committee.", "Officials met.",
             "Trade grew.", "Ports opened."]
    spans = [Span("a.txt", i * 50, i * 50 + len(t), t, i) for i, t in enumerate(texts)]

    class Store:  # dense: the committee sentence second, the "body" sentence last
        def query(self, embedding, k):
            return [("a.txt", i, s) for i, s in [(2, 0.93), (1, 0.80), (3, 0.60), (4, 0.55), (0, 0.50)]][:k]

    class Embedder:
        def get_query_embedding(self, q):
            return [0.0]

    got = HybridRetriever(spans, Store(), Embedder()).retrieve("Which body does the agreement create?", 1)
    assert got[0].span.index == 1  # BM25's runner-up, close behind, is not scored as if it matched nothing


def test_hybrid_retrieval_gives_the_dense_best_a_place_within_the_cut():
    from assistant.retrieval import HybridRetriever
    from assistant.types import Span

    texts = ["Canada and Korea signed a deal.", "Canada's car sector is close to Korea.", "Canada's sector grew.",
             "The auto industry is closely integrated with the United States.", "Ports opened."]
    spans = [Span("a.txt", i * 80, i * 80 + len(t), t, i) for i, t in enumerate(texts)]

    class Store:  # dense: the integration sentence first by a wide margin
        def query(self, embedding, k):
            return [("a.txt", i, s) for i, s in [(3, 0.95), (1, 0.60), (0, 0.58), (2, 0.57), (4, 0.10)]][:k]

    class Embedder:
        def get_query_embedding(self, q):
            return [0.0]

    retriever = HybridRetriever(spans, Store(), Embedder())
    q = "Which country is Canada's car sector tied at the hip with?"
    assert 3 not in [c.span.index for c in retriever.retrieve(q, 2)]  # BM25's "Canada", "car", "sector" outvote it
    assert 3 in [c.span.index for c in retriever.retrieve(q, 2, dense_best_within=2)]


def test_bm25_finds_the_word_a_text_uses_for_the_question_s_word():
    corpus = [stems("The new memorandum does not replace that agreement; it adds a new mechanism."),
              stems("The agreement establishes a Canada–Korea Industrial Cooperation Committee."),
              stems("The new committee will coordinate follow-up work.")]
    question = stems("What new body does the agreement create?")
    assert BM25(corpus).top(question, 1)[0][0] == 0  # without expansion, "new" wins
    assert BM25(corpus).top(expand(question), 1)[0][0] == 1
    assert all(stems(w) == [w] for words in EXPANSIONS.values() for w in words)  # expansions are already stems
    from assistant.retrieval import HybridRetriever
    from assistant.types import Span
    texts = ["The new memorandum does not replace that agreement; it adds a new mechanism.",
             "The agreement establishes a Canada–Korea Industrial Cooperation Committee."]
    spans = [Span("a.txt", i * 100, i * 100 + len(t), t, i) for i, t in enumerate(texts)]
    assert HybridRetriever(spans, None, None).lexical("What new body does the agreement create?")[0][0] == 1


def test_a_day_with_an_ordinal_ending_is_the_same_day():
    from assistant.names import missing_terms
    assert missing_terms("What did ABC agree with Apple on December 22nd?", ["On December 22, ABC announced a partnership with Apple."]) == []
    assert missing_terms("What did ABC agree with Apple on December 23rd?", ["On December 22, ABC announced a partnership with Apple."]) == ["23rd"]


def test_an_acronym_may_count_some_small_words_and_skip_others():
    from assistant.names import missing_terms
    kim = ["South Korea’s Minister of Trade, Industry and Energy, Kim Jung-kwan, signed."]
    assert missing_terms("Which minister, the MOTIE side, signed?", kim) == []  # "of" counted, "and" skipped
    assert missing_terms("Which minister, the MITI side, signed?", kim) == ["miti"]


def test_a_count_of_the_answer_in_digits_is_no_name_to_look_for(seed_docs, make_fake_bot):
    from assistant.names import answer_counts
    assert "3" in answer_counts("what 3 things are at the middle of the deal?")
    assert "3" not in answer_counts("Were 3 plants announced?") and "three" in answer_counts("Were 3 plants announced?")
    from assistant.aboutness import Background, unmatched_names
    from assistant.types import Span
    centre = Span("a.txt", 0, 80, "The deal places the automotive sector, electric vehicles and batteries at the center.", 0)
    assert unmatched_names("what 3 things are at the centre of the deal?", [centre], Background()) == []
    assert unmatched_names("were 3 things at the centre of the deal?", [centre], Background()) == ["3"]
    bot, llm = make_fake_bot(seed_docs, ["[1] The automotive sector, electric vehicles and batteries."])
    bot.ask("what 3 things are at the middle of the deal?")
    assert len(llm.prompts) == 1  # asked, not declined for a "3" the article never writes


def test_a_demonstrative_finds_its_antecedent_s_name_only_in_the_sentence_before_it_in_its_document():
    from assistant.retrieval import _lexical_terms
    from assistant.types import Span

    fta = "It builds on the Free Trade Agreement of 2015."
    spans = [Span("a.txt", 0, 46, fta, 0), Span("a.txt", 47, 83, "It does not replace that agreement.", 1),
             Span("b.txt", 0, 36, "It does not replace that agreement.", 0)]
    terms = _lexical_terms(spans)
    assert {"free", "trad"} <= set(terms[1]) and not {"free", "trad"} & set(terms[2])
    bm25 = BM25(terms)
    assert bm25.top(["replac", "free", "trad", "agreement"], 1)[0][0] == 1  # "Does it replace the free trade agreement?"


def test_set_up_finds_what_a_text_says_was_established():
    from pathlib import Path

    from assistant.lexical import query_terms
    from assistant.sentences import split_sentences
    text = (Path(__file__).parent.parent / "seeds" / "canada-korea-mou.txt").read_text(encoding="utf-8")
    sentences = [text[a:b] for a, b in split_sentences(text)]
    bm25 = BM25([stems(t) for t in sentences])
    question = "What's the name of the new body the two governments are setting up?"
    best = sentences[bm25.top(query_terms(question), 1)[0][0]]
    assert best.startswith("The agreement establishes a Canada–Korea Industrial Cooperation Committee")
    assert sentences[bm25.top(expand(stems(question)), 1)[0][0]] != best  # "new" and "governments" win without it
    assert "creat" not in query_terms("It sets out workstreams.")  # "set" alone is not "set up"


def test_the_clipped_auto_finds_the_automotive_sentence():
    from assistant.lexical import query_terms
    corpus = [stems("Canada’s automotive industry is closely integrated with the United States."), stems("Batteries matter."),
              stems("Trade talks go beyond tariffs."), stems("The committee meets.")]
    assert BM25(corpus).top(stems("Is the auto sector tied to a neighbour?"), 1) == []  # "auto" is not "automotiv"
    assert BM25(corpus).top(query_terms("Is the auto sector tied to a neighbour?"), 1)[0][0] == 0
