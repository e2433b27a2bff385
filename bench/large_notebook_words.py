"""The words the large notebook is made of (bench/large_notebook.py): names, organisations,
job titles, places, tags, and the phrases of notes and journal entries, chosen from at
random with a fixed seed."""

from __future__ import annotations


def _words(text: str) -> list[str]:
    return text.split()


FIRST_NAMES = _words(
    "Ada Adel Aiko Alba Alma Amara Ana Anders Anika Aram Arjun Asha Aurel Ayla Bea Beni Bram "
    "Cai Calla Cato Cleo Dara Dev Dina Edda Elio Emre Enzo Esme Ezra Fara Finn Fleur Gali Gus "
    "Hana Hiro Ida Ilan Ines Ira Isak Jaya Jonah Juno Kai Kiran Lars Lea Lior Luca Mara Maria "
    "Mateo Mei Mila Nadia Nico Noor Oda Omar Orla Pia Rafa Remy Rhea Rosa Sami Selma Soren "
    "Tara Teo Uma Vera Wren Yara Yusuf Zane Zoe"
)
LAST_NAMES = _words(
    "Abbot Aldana Amsel Arkwell Bairstow Barros Bellamy Benning Birchall Blom Brandt Caddel "
    "Carvalho Castell Corrin Dalby Danneel Delacroix Dorsey Ebner Elmquist Faber Fenwick Ferro "
    "Galloway Garrow Grieve Haldane Hartmann Hollis Ibarra Ingram Iversen Jarrow Keller Kovac "
    "Lamont Larrea Lindqvist Lowry Maddox Marchetti Merrow Mistry Moreau Nakano Nettle Novak "
    "Okafor Olsen Orme Pardo Pelham Quarry Quint Radley Rasku Renner Ruiz Saltmarsh Santoro "
    "Sefton Solberg Tamura Tarrant Thorne Toledo Ulrich Varga Vance Weller Whitlow Yardley "
    "Yilmaz Zeller"
)
ORG_STEMS = _words(
    "Amber Aster Birch Bright Cedar Cinder Cobalt Copper Delta Ember Fern Flint Glen Granite "
    "Harbor Hazel Indigo Iron Juniper Kestrel Larch Lumen Maple Meadow North Oak Onyx Opal "
    "Pine Quill Raven River Sable Slate Solar Stone Teal Thistle Umber Willow"
)
ORG_ENDINGS = _words(
    "brook crest dale field ford gate hill hurst lake lane mere moor point ridge shaw side "
    "stead ton vale view water wick wood worth"
)
ORG_KINDS = _words(
    "Analytics Bank Clinic Co-op Collective Consulting Council Energy Foundation Games Group "
    "Health Insurance Labs Learning Logistics Media Partners Robotics Studio Systems Trust"
)
INDUSTRIES = (
    "Software",
    "Healthcare",
    "Education",
    "Finance",
    "Public sector",
    "Retail",
    "Energy",
    "Nonprofit",
    "Manufacturing",
    "Media",
    "Consulting",
    "Logistics",
)
SENIORITY = ("", "", "Junior ", "Senior ", "Lead ", "Principal ", "Head of ", "Associate ")
FUNCTIONS = (
    "Product Manager",
    "Data Analyst",
    "UX Researcher",
    "Software Engineer",
    "Designer",
    "Recruiter",
    "Programme Manager",
    "Teacher",
    "Nurse",
    "Accountant",
    "Operations Manager",
    "Policy Adviser",
    "Marketing Manager",
    "Customer Success Manager",
    "Engineering Manager",
    "Learning Designer",
)
LOCATIONS = (
    "Leeds",
    "Bristol",
    "Glasgow",
    "Manchester",
    "London",
    "Cardiff",
    "Dublin",
    "Lyon",
    "Rotterdam",
    "Porto",
    "Toronto",
    "Remote",
)
TAGS = (
    "edtech",
    "healthtech",
    "climate",
    "ux",
    "data",
    "product",
    "bootcamp",
    "alumni",
    "meetup",
    "volunteering",
    "mentors",
    "recruiters",
    "referral",
    "public sector",
    "fintech",
    "design",
    "research",
    "writing",
    "career changers",
    "podcast",
)
TOPICS = (
    "moving from teaching into product",
    "how their team hires juniors",
    "portfolio feedback",
    "what a typical week looks like",
    "salary bands for analysts",
    "a course worth taking",
    "their own career change",
    "side projects that helped",
    "how they run user interviews",
    "the reorganisation at work",
    "openings next quarter",
    "a reading list on research methods",
    "writing a better cover letter",
    "what the first ninety days were like",
)
OPENINGS = (
    "Met at",
    "Introduced through",
    "Found via",
    "Sat next to them at",
    "Got talking at",
)
PLACES = (
    "a product meetup",
    "the spring conference",
    "an alumni evening",
    "a design workshop",
    "the volunteering day",
    "a hackathon",
    "a panel on career changes",
    "an online course",
)
REMARKS = (
    "Generous with time.",
    "Prefers email to calls.",
    "Happy to review a portfolio.",
    "Knows everyone in the local scene.",
    "Asked to be kept posted.",
    "Offered to pass my name along.",
    "Busy until the end of the month.",
    "Has two children and a dog; mornings are best.",
    "Writes a newsletter worth reading.",
    "Made the same move five years ago.",
)
SUMMARY_VERBS = ("Talked about", "Asked about", "Shared notes on", "Caught up on", "Followed up on")
FOLLOW_UP_REASONS = (
    "Send the article we discussed",
    "Ask how the interview went",
    "Share my portfolio link",
    "Thank them for the introduction",
    "Check whether the role opened",
    "Invite them to coffee",
    "Send the updated CV",
    "Wish them well in the new job",
)
KIND_WEIGHTS = {
    "coffee": 14,
    "call": 14,
    "video call": 12,
    "message": 22,
    "email": 18,
    "event": 6,
    "informational interview": 5,
    "introduction": 2,
    "thank-you": 3,
    "gave": 2,
    "received": 2,
}
SOURCE_WEIGHTS = (18, 6, 8, 3, 8, 10, 9, 12, 14, 7, 5)
RELATIONSHIP_WEIGHTS = (8, 50, 7, 10, 25)
CADENCE_CHOICES = (None, None, None, None, None, 14, 30, 30, 91, 91, 182)
# -- the journal ------------------------------------------------------------------
# Tags, most used first (JOURNAL_TAG_WEIGHTS); "conversation" is the one the app gives
# an entry written after a conversation.
JOURNAL_TAGS = (
    "conversation",
    "weekly review",
    "interview",
    "learning",
    "wins",
    "doubts",
    "networking",
    "portfolio",
    "applications",
    "energy",
    "mentor",
    "money",
)
JOURNAL_TAG_WEIGHTS = (20, 14, 12, 11, 9, 8, 8, 6, 5, 4, 2, 1)
MOOD_WEIGHTS = (5, 15, 35, 33, 12)  # for moods 1 to 5
# The words of free sentences, most frequent first; a word's weight falls with its rank
# (Zipf), so "the" is in nearly every entry and the last words in a few percent.
JOURNAL_WORDS = _words(
    # everyday words
    "the I to and a of it that was in my for is on with but this about not at be so what "
    "me have as they felt how more need were had one when just like do think would from if "
    "time we still again much really some there all can out up today week feel good new "
    "day because them after which then than it's want know next also bit lot before "
    # the career change
    "work interview role team job application feedback portfolio learning course project "
    "manager product design data research career change skills plan people meeting company "
    "question answer users progress goal story example notes practice analyst recruiter "
    "salary offer junior senior mentor confidence networking energy writing deadline "
    "presentation stakeholder coffee call email morning evening weekend colleague hiring "
    "prototype dashboard workshop interviewer screening coding exercise reading habit "
    "budget contract freelance transition teaching classroom students spreadsheet metrics "
    "roadmap backlog sprint retrospective critique wireframe persona survey insight "
    "experiment hypothesis onboarding probation referral shortlist rejection callback "
    # rarer words, mostly only said in a journal
    "procrastinated overthinking breakthrough burnout imposter sabbatical serendipity "
    "recalibrate momentum plateau resilience vulnerability gratitude boundaries "
    "perfectionism ambivalent exhilarating disheartened reassured sceptical validated "
    "bewildered rejuvenated complacent tenacity humility curiosity patience stubbornness "
    "reframing decompress ruminating unspoken wobble fizzled lukewarm"
)
FEELINGS = _words(
    "nervous hopeful tired calm anxious proud stuck curious restless confident overwhelmed "
    "relieved uncertain motivated frustrated grateful energised drained optimistic doubtful"
)
ACTIVITIES = (
    "the interview",
    "my portfolio",
    "the case study",
    "a cover letter",
    "the coding exercise",
    "the course project",
    "networking",
    "the application",
    "user research",
    "the take-home task",
    "the mock interview",
    "the reading group",
    "a side project",
    "the design critique",
    "salary talks",
    "the informational interview",
)
SKILLS = (
    "SQL",
    "Figma",
    "Python",
    "stakeholder management",
    "facilitation",
    "statistics",
    "prototyping",
    "storytelling",
    "roadmapping",
    "accessibility",
    "data visualisation",
    "usability testing",
    "public speaking",
    "negotiation",
)
HELPERS = (
    "my mentor",
    "the hiring manager",
    "a recruiter",
    "an old colleague",
    "my partner",
    "a friend from the bootcamp",
    "the panel",
    "my manager",
)
WINS = (
    "finished the case study",
    "got a reply from a recruiter",
    "shipped the portfolio update",
    "passed the SQL screen",
    "spoke up in the critique",
    "booked three coffee chats",
    "wrote every day this week",
    "got through the mock interview without notes",
)
NEXT_STEPS = (
    "send the thank-you note",
    "rewrite the summary on my CV",
    "ask for feedback on the case study",
    "book a practice interview",
    "finish the statistics module",
    "reply to the recruiter",
    "tidy the portfolio homepage",
    "read the team's engineering blog",
    "plan next week on Sunday evening",
)
SENTENCES = (
    "Today I worked on {activity} and felt {feeling}.",
    "{Helper} said my {skill} is getting better, which I needed to hear.",
    "I keep coming back to {topic}.",
    "Spent {number} minutes on {skill} before lunch.",
    "Next step: {next}.",
    "What went well was {activity}; what I would change is how I prepared for it.",
    "Reading about {skill} helped more than I expected.",
    "I notice I go quiet when I feel {feeling}.",
    "It is {number} weeks since I started, and I feel {feeling} about the pace.",
    "Asked {helper} about {topic}.",
    "Went to {place} and came home {feeling}.",
    "Small win: {win}.",
    "The hardest part this week was {activity}.",
    "I want to remember that {helper} found {activity} useful.",
)
JOURNAL_HEADINGS = (
    "What went well",
    "What was hard",
    "What I learned",
    "Next week",
    "Questions for my mentor",
    "Notes from the conversation",
)
JOURNAL_TITLES = (
    "Weekly review",
    "Notes on {skill}",
    "{Feeling} day",
    "Interview prep",
    "Month in review",
    "What I learned about {skill}",
    "A good week",
    "Questions for my mentor",
    "Thinking about {topic}",
)
MEETINGS = ("Coffee with", "Call with", "Caught up with", "Video call with", "Met")
JOURNAL_PROMPTS = (
    "What surprised you today?",
    "What did you learn this week?",
    "What would you tell yourself a year ago?",
    "Who helped you this week, and how?",
    "What are you avoiding, and why?",
)
