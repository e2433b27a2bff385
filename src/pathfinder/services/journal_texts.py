"""Starting words for the journal: prompt sets tied to what just happened, and entry templates.

Written in our own words from the networking advice in the shared seeds; plain, warm and short.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class PromptSet:
    key: str  # a stable key, stored with entries started from this set
    label: str  # short menu label
    when: str  # one short sentence: when this set helps
    prompts: tuple[str, ...]  # the questions, each a single sentence


@dataclass(frozen=True)
class EntryTemplate:
    name: str
    body: str  # a Markdown skeleton: headings with blank lines between them


PROMPT_SETS: tuple[PromptSet, ...] = (
    PromptSet(
        "after_conversation",
        "After a conversation",
        "Straight after a chat or an informational interview, while it's still fresh.",
        (
            "What did you learn today that no job advert would have told you?",
            "Which part of their work made you lean in, and which part made you wince?",
            "Does this work fit you, not fit you, or is it too soon to tell?",
            "Who did they suggest you talk to next?",
            "What could you send them in return, however small?",
            "Jot down two things to mention in your thank-you note.",
        ),
    ),
    PromptSet(
        "after_bummer",
        "After a bummer",
        "When a conversation fell flat or the answer was no.",
        (
            "What happened, in a sentence or two, without judging yourself?",
            "What did you find out, even if it wasn't what you hoped to hear?",
            "What was outside your control here?",
            "What would you say to a friend who'd had this same day?",
            "Is there one small thing you'd try differently next time?",
            "Name one thing that went well this week, however small.",
        ),
    ),
    PromptSet(
        "weekly_review",
        "Weekly review",
        "Once a week, to see how far you've come and choose the next step.",
        (
            "Who did you talk to this week, and what stayed with you?",
            "What did you give to someone in your network this week?",
            "Which follow-ups are still waiting, and which one will you do first?",
            "What surprised you this week?",
            "How much energy do you have for next week, honestly?",
            "Pick one step for next week that you can finish in under an hour.",
        ),
    ),
    PromptSet(
        "before_event",
        "Before an event",
        "A day or two before a meetup, talk or call that makes you nervous.",
        (
            "What are you hoping to find out, or who are you hoping to meet?",
            "Write the two sentences you'll say when someone asks what you do.",
            "Which three questions could you ask almost anyone you meet there?",
            "What is the worst that could realistically happen, and could you live with it?",
            "How will you look after yourself before and afterwards?",
            "What would make it worth going, even if you only talk to one person?",
        ),
    ),
    PromptSet(
        "doubting",
        "When doubting the change",
        "On the days you wonder whether this change is worth it.",
        (
            "What exactly is worrying you today?",
            "Is this doubt about the goal itself, or about how long it's taking?",
            "What have you learned since you started that you didn't know before?",
            "What would you miss if you stopped now?",
            'Which finding so far, even a "doesn\'t fit me", has moved you forward?',
            "Who could you talk this over with in the next few days?",
        ),
    ),
    PromptSet(
        "revisit_why",
        "Revisit the why",
        "Every month or two, or whenever your goal starts to feel blurry.",
        (
            "Which words in your current why still ring true when you read it aloud?",
            "What have your conversations taught you about what you really want?",
            "Is there a role you've ruled out, and what did ruling it out teach you?",
            "What would you like an ordinary working day to feel like?",
            "If you wrote your why again today, what would you change?",
            "What would you like to be able to say about this change a year from now?",
        ),
    ),
)


BUILT_IN_TEMPLATES: tuple[EntryTemplate, ...] = (
    EntryTemplate(
        "Weekly review",
        "## This week\n\n"
        "## People I talked to\n\n"
        "## What I gave\n\n"
        "## What I learned\n\n"
        "## One step for next week\n",
    ),
    EntryTemplate(
        "After a conversation",
        "## Who, and how it came about\n\n"
        "## What I heard\n\n"
        "## Fits me, doesn't fit me, or not sure yet\n\n"
        "## Who they suggested\n\n"
        "## Thank-you note\n",
    ),
    EntryTemplate(
        "Before an event",
        "## The event\n\n"
        "## Who I hope to meet\n\n"
        "## My two-sentence introduction\n\n"
        "## Three questions to ask\n\n"
        "## Afterwards, I will\n",
    ),
    EntryTemplate(
        "A monthly look back",
        "## The month in a sentence\n\n"
        "## Conversations and what came of them\n\n"
        "## How my why has changed\n\n"
        "## What I'm proud of\n\n"
        "## Next month\n",
    ),
)
