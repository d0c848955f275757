import pytest

from .. import redaction


def test_each_marked_passage_is_replaced_and_listed():
    result = redaction.redact("Write to [[jo@example.org]] or call [[01234 567890]].")
    assert result.public_text == "Write to [redacted] or call [redacted]."
    assert result.passages == ("jo@example.org", "01234 567890")
    assert result.count == 2


def test_a_passage_may_run_over_several_lines():
    result = redaction.redact("Address:\n[[1 High Street\nLondon]]\n\nYours")
    assert result.public_text == "Address:\n[redacted]\n\nYours"
    assert result.passages == ("1 High Street\nLondon",)


def test_text_without_marks_is_unchanged():
    assert redaction.redact("Dear Minister,\n\nThank you.").public_text == "Dear Minister,\n\nThank you."
    assert redaction.redact("").count == 0


@pytest.mark.parametrize(
    ("text", "problem"),
    [
        ("Call [[01234 567890.", redaction.NOT_CLOSED),
        ("Call 01234]] 567890.", redaction.NOT_OPENED),
        ("Call [[01234 [[567890]] ]].", redaction.NESTED),
        ("Call [[  ]] now.", redaction.EMPTY),
        ("Fine [[here]], but not ]] here.", redaction.NOT_OPENED),
    ],
)
def test_badly_formed_marks_are_problems_and_are_never_redacted(text, problem):
    assert redaction.problems(text) == [problem]
    with pytest.raises(ValueError, match=problem.split(".")[0].replace("[", r"\[").replace("]", r"\]")):
        redaction.redact(text)


def test_single_brackets_are_ordinary_text():
    assert redaction.problems("See [1] and [the report].") == []
    assert redaction.redact("See [1].").public_text == "See [1]."
