"""Starting words for conversations: the question bank's seed questions and the outreach drafts.

These are defaults written in our own words from the networking advice in the shared seeds.
The questions are about the other person's experience, never a request for a job. The drafts
use only these placeholders, filled from the records: {first_name}, {organisation}, {role},
{target_role}, {how_we_met} and {my_why}. {how_we_met} reads after "We met", so it works best
as a phrase such as "at the March meetup" or "through Sam". Each draft ends with a sign-off
line; the person adds their own name below it.
"""

from __future__ import annotations

QUESTION_CATEGORIES: dict[str, str] = {
    "path": "Their path",
    "day_to_day": "The day to day",
    "skills": "Skills",
    "industry": "The industry",
    "advice": "Advice for me",
    "who_else": "Who else I should meet",
}

SEED_QUESTIONS: list[tuple[str, str]] = [
    # Their path
    (
        "path",
        "Looking back, which two or three steps mattered most in getting you to where you are now?",
    ),
    ("path", "What were you doing before this role, and what made you decide to leave it?"),
    ("path", "Was there a moment when you knew this was the work for you, and what happened?"),
    ("path", "If you came from another field, what surprised you most in your first few months?"),
    ("path", "What did you try along the way that turned out not to be for you?"),
    ("path", "Did anyone help you make the move, and what did they do that made a difference?"),
    # The day to day
    ("day_to_day", "What did yesterday look like for you, from your first task to your last?"),
    (
        "day_to_day",
        "Roughly how is your week split between meetings, focused work and everything else?",
    ),
    ("day_to_day", "Which part of your job gives you energy, and which part wears you out?"),
    ("day_to_day", "Who do you work with most closely, and what do they count on you for?"),
    ("day_to_day", "What does a hard week look like in your role, and what makes it hard?"),
    ("day_to_day", "What do people outside your field usually get wrong about your job?"),
    # Skills
    ("skills", "Which skills do you use every day, and which ones only now and then?"),
    ("skills", "What do the people you most admire in your role do better than everyone else?"),
    ("skills", "Which skills from your earlier work carried over better than you expected?"),
    ("skills", "If you were learning this job from scratch today, what would you learn first?"),
    (
        "skills",
        "Which courses, certificates or tools were worth your time, and which were not?",
    ),
    (
        "skills",
        "How did you show you could do this work before you had the job title to prove it?",
    ),
    # The industry
    ("industry", "Which changes in your field over the last few years have affected you most?"),
    ("industry", "Where do you think your field is heading over the next five years?"),
    (
        "industry",
        "How does this work differ between large organisations, small ones and agencies?",
    ),
    ("industry", "What problems is your industry wrestling with at the moment?"),
    (
        "industry",
        "Which newsletters, podcasts, groups or events do people in your field actually follow?",
    ),
    (
        "industry",
        "How do people in your field usually find their jobs: postings, referrals or something "
        "else?",
    ),
    # Advice for me
    (
        "advice",
        "Knowing my background, what looks like my strongest point, and what is my biggest gap?",
    ),
    ("advice", "If you were in my position, what would you do in the next three months?"),
    ("advice", "What mistakes do you see people make when they move into this field from another?"),
    (
        "advice",
        "Is there a small way I could try this work first, such as a project, volunteering or a "
        "nearby role?",
    ),
    ("advice", "What do you wish someone had told you before you started?"),
    (
        "advice",
        "From what you have heard about me so far, is there anything that makes you think this "
        "might not suit me?",
    ),
    # Who else I should meet
    (
        "who_else",
        "Who would you talk to next if you were trying to understand this work better?",
    ),
    (
        "who_else",
        "Do you know anyone who came to this work from a different career and might be open to "
        "a chat?",
    ),
    (
        "who_else",
        "Is there someone who sees this role quite differently from you, perhaps in another kind "
        "of organisation?",
    ),
    (
        "who_else",
        "Which groups, meetups or associations would help me meet more people in this field?",
    ),
    (
        "who_else",
        "Would you be comfortable introducing me to anyone, and what would make that easy for you?",
    ),
    (
        "who_else",
        "May I mention your name when I get in touch with the people you suggested?",
    ),
]

TEMPLATES: dict[str, tuple[str, str, str]] = {
    "ask_30_minutes": (
        "Ask for 30 minutes",
        "30 minutes to hear about your work at {organisation}?",
        "Hi {first_name},\n"
        "\n"
        "We met {how_we_met}. I'm in the middle of a career change and exploring "
        "{target_role} work. What pulls me towards it, in a sentence: {my_why}\n"
        "\n"
        "You know this work from the inside, and I would love to hear how your days as {role} "
        "at {organisation} really go. Could I have 30 minutes of your time, on a call or over "
        "coffee, whichever suits you? I'm not asking about jobs; I'd like to learn from your "
        "experience, and I'll come with a few questions ready.\n"
        "\n"
        "If now is a busy time, that's completely fine.\n"
        "\n"
        "Best wishes,",
    ),
    "thank_you": (
        "Thank you",
        "Thank you for our conversation",
        "Hi {first_name},\n"
        "\n"
        "Thank you for taking the time to talk with me. Hearing how {target_role} work "
        "actually happens at {organisation} gave me a clearer picture than anything I could "
        "have read.\n"
        "\n"
        "I've been back through my notes, and I'm already following up on the suggestions you "
        "gave me. I'll let you know how they go.\n"
        "\n"
        "If there is ever anything I can do for you in return, please just ask. I'd be glad to "
        "stay in touch.\n"
        "\n"
        "Best wishes,",
    ),
    "ask_introductions": (
        "Ask for introductions",
        "Is there anyone else I could talk to?",
        "Hi {first_name},\n"
        "\n"
        "I hope things are going well at {organisation}.\n"
        "\n"
        "Since we spoke, I have kept exploring {target_role} work, and I'd like to hear a few "
        "more points of view before I decide on my next step. Is there anyone you know who "
        "might be open to a short conversation about their experience? Someone who came to the "
        "work from another field would be especially helpful.\n"
        "\n"
        "If someone comes to mind, I'm happy to write a short note you could pass on, so it "
        "takes as little of your time as possible. And if no one does, that's completely "
        "fine.\n"
        "\n"
        "Best wishes,",
    ),
    "check_in": (
        "Check in",
        "Thought of you when I read this",
        "Hi {first_name},\n"
        "\n"
        "I came across an article this week that made me think of what you told me about your "
        "work at {organisation}. Here's the link, in case it's useful:\n"
        "\n"
        "\n"
        "\n"
        "A quick update from my side: I'm still exploring {target_role} work, and our "
        "conversation is one of the reasons I'm sticking with it.\n"
        "\n"
        "How are things with you? No need to reply if you're busy; I just wanted to pass this "
        "on.\n"
        "\n"
        "Best wishes,",
    ),
    "congratulate": (
        "Congratulate",
        "Congratulations, {first_name}!",
        "Hi {first_name},\n"
        "\n"
        "I just saw your news and wanted to say congratulations. From what you've shared about "
        "your work as {role}, I can only imagine how much went into getting here.\n"
        "\n"
        "I hope you get a moment to enjoy it before the next thing arrives.\n"
        "\n"
        "No need to reply. I just wanted you to know that someone noticed, and is very pleased "
        "for you.\n"
        "\n"
        "Best wishes,",
    ),
}
