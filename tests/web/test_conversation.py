"""What part of the conversation goes back to the model as history."""

from assistant.web.conversation import Turn, history_for_model, to_messages


def test_history_keeps_the_last_finished_turns_in_order():
    turns = [Turn(f"q{i}", answer_text=f"a{i}", state="done") for i in range(5)]
    assert history_for_model(turns, max_turns=3) == [("q2", "a2"), ("q3", "a3"), ("q4", "a4")]


def test_history_leaves_out_failed_and_pending_turns():
    turns = [Turn("q0", answer_text="a0"), Turn("empty", state="failed"), Turn("now")]
    assert history_for_model(turns) == [("q0", "a0")]


def test_history_cuts_long_messages():
    turns = [Turn("q" * 50, answer_text="a" * 50)]
    assert history_for_model(turns, max_question_chars=10, max_answer_chars=5) == [("q" * 9 + "…", "aaaa…")]


def test_history_can_be_turned_off():
    assert history_for_model([Turn("q", answer_text="a")], max_turns=0) == []


def test_a_long_conversation_stays_within_a_fixed_budget():
    turns = [Turn("q" * 5000, answer_text="a" * 5000) for _ in range(100)]
    history = history_for_model(turns)
    assert len(history) == 3
    assert sum(len(q) + len(a) for q, a in history) == 3 * (300 + 600)


def test_to_messages_pairs_user_and_assistant_messages():
    turns = [Turn("<hi>", html="<div>answer</div>"), Turn("pending")]
    assert to_messages(turns) == [
        {"role": "user", "content": '<div class="question">&lt;hi&gt;</div>'},
        {"role": "assistant", "content": "<div>answer</div>"},
        {"role": "user", "content": '<div class="question">pending</div>'},
    ]
