"""The question bank, and the questions picked for one conversation with their answers.

The bank starts with the questions in `conversation_texts`, added the first time
it is opened; the user adds, edits and retires their own.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime

from peewee import fn

from pathfinder.services.conversation_texts import QUESTION_CATEGORIES, SEED_QUESTIONS
from pathfinder.services.records import RecordNotFound
from pathfinder.services.validation import ValidationError, clean_choice, clean_text
from pathfinder.store.database import write_transaction
from pathfinder.store.models import Conversation, ConversationQuestion, Question

QUESTION_LIMIT = 500
ANSWER_LIMIT = 100_000


@dataclass(frozen=True)
class BankQuestion:
    id: int
    category: str
    text: str
    retired: bool
    times_used: int

    @property
    def category_label(self) -> str:
        return QUESTION_CATEGORIES.get(self.category, self.category)


@dataclass(frozen=True)
class AskedQuestion:
    id: int
    question_id: int | None
    text: str
    answer: str


def _ensure_seeded() -> None:
    if Question.select().exists():
        return
    now = datetime.now()
    with write_transaction():
        for category, text in SEED_QUESTIONS:
            Question.insert(
                category=category, text=text, created_at=now
            ).on_conflict_ignore().execute()


def question_bank(include_retired: bool = False) -> list[BankQuestion]:
    """Every question by category, each with how often it was asked."""
    _ensure_seeded()
    used = dict(
        ConversationQuestion.select(
            ConversationQuestion.question, fn.count(ConversationQuestion.id)
        )
        .where(ConversationQuestion.question.is_null(False))
        .group_by(ConversationQuestion.question)
        .tuples()
    )
    order = list(QUESTION_CATEGORIES)
    query = Question.select()
    if not include_retired:
        query = query.where(~Question.retired)
    questions = [
        BankQuestion(q.id, q.category, q.text, bool(q.retired), used.get(q.id, 0)) for q in query
    ]
    questions.sort(key=lambda q: (order.index(q.category) if q.category in order else 99, q.id))
    return questions


def _clean_question(text: str) -> str:
    return clean_text("text", text, limit=QUESTION_LIMIT, required="Type the question.")


def add_question(category: str, text: str, *, now: datetime | None = None) -> BankQuestion:
    _ensure_seeded()
    cleaned = _clean_question(text)
    clean_choice("category", category, tuple(QUESTION_CATEGORIES))
    if Question.get_or_none(Question.text == cleaned) is not None:
        raise ValidationError("text", "That question is in the bank already.")
    with write_transaction():
        new_id = Question.insert(
            category=category, text=cleaned, created_at=now or datetime.now()
        ).execute()
    return BankQuestion(int(new_id), category, cleaned, False, 0)


def edit_question(question_id: int, category: str, text: str) -> None:
    cleaned = _clean_question(text)
    clean_choice("category", category, tuple(QUESTION_CATEGORIES))
    clash = Question.get_or_none((Question.text == cleaned) & (Question.id != question_id))
    if clash is not None:
        raise ValidationError("text", "That question is in the bank already.")
    with write_transaction():
        if (
            not Question.update(category=category, text=cleaned)
            .where(Question.id == question_id)
            .execute()
        ):
            raise RecordNotFound(f"question {question_id}")


def retire_question(question_id: int, retired: bool = True) -> None:
    """Retired questions leave the list to pick from; conversations keep them."""
    with write_transaction():
        Question.update(retired=retired).where(Question.id == question_id).execute()


def questions_of(conversation_id: int) -> list[AskedQuestion]:
    query = (
        ConversationQuestion.select()
        .where(ConversationQuestion.conversation == conversation_id)
        .order_by(ConversationQuestion.position, ConversationQuestion.id)
    )
    return [AskedQuestion(q.id, q.question_id, q.text, q.answer) for q in query]


def get_asked(asked_id: int) -> AskedQuestion | None:
    row = ConversationQuestion.get_or_none(ConversationQuestion.id == asked_id)
    return AskedQuestion(row.id, row.question_id, row.text, row.answer) if row else None


def ask(conversation_id: int, *, question_id: int | None = None, text: str = "") -> AskedQuestion:
    """Add a question to a conversation: one from the bank, or one written for it."""
    if Conversation.get_or_none(Conversation.id == conversation_id) is None:
        raise RecordNotFound(f"conversation {conversation_id}")
    if question_id is not None:
        bank = Question.get_or_none(Question.id == question_id)
        if bank is None:
            raise RecordNotFound(f"question {question_id}")
        text = bank.text
    cleaned = _clean_question(text)
    if ConversationQuestion.get_or_none(
        (ConversationQuestion.conversation == conversation_id)
        & (ConversationQuestion.text == cleaned)
    ):
        raise ValidationError("text", "That question is on this conversation's list already.")
    position = (
        ConversationQuestion.select(fn.max(ConversationQuestion.position))
        .where(ConversationQuestion.conversation == conversation_id)
        .scalar()
        or 0
    )
    with write_transaction():
        new_id = ConversationQuestion.insert(
            conversation=conversation_id,
            question=question_id,
            text=cleaned,
            position=position + 1,
        ).execute()
    return AskedQuestion(int(new_id), question_id, cleaned, "")


def answer(asked_id: int, text: str) -> None:
    cleaned = clean_text("answer", text, limit=ANSWER_LIMIT)
    with write_transaction():
        if (
            not ConversationQuestion.update(answer=cleaned)
            .where(ConversationQuestion.id == asked_id)
            .execute()
        ):
            raise RecordNotFound(f"question {asked_id}")


def unask(asked_id: int) -> None:
    with write_transaction():
        ConversationQuestion.delete().where(ConversationQuestion.id == asked_id).execute()
