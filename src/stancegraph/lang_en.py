"""Closed-class English words the extractor relies on, in one place.

Open-class vocabulary (reporting verbs, stance predicates, role nouns, cue
phrases) is data (``data/cues.ttl``, the codebook); what stays here are the
small closed classes of the language itself: pronouns, determiners,
modals, copulas, subordinators, number words and weekdays.

>>> "she" in PRONOUNS_PERSON and "their" in POSSESSIVE_PRONOUNS
True
>>> NUMBER_WORDS["four"]
4
"""

from __future__ import annotations

PRONOUNS_PERSON = frozenset({"he", "she", "him", "her"})
#: words that open a picture credit ("(Photo: Agency)"), never a claim and its source
CREDIT_WORDS = frozenset({"photo", "photos", "image", "images", "picture", "pictures", "video", "credit",
                          "credits", "file", "graphic", "illustration", "caption", "footage"})
#: labels of a news site's quote block: a line "Quote: "…"" whose speaker a line "Source: X …" or
#: the paragraph before it names
QUOTE_LABELS = frozenset({"quote", "quotes", "quotation"})
SOURCE_LABELS = frozenset({"source", "sources", "speaker"})
#: personal pronouns by grammatical gender, and the honorifics and gendered role words that mark a
#: person's gender in the text itself (never a list of first names)
PRONOUNS_MASCULINE = frozenset({"he", "him", "his", "himself"})
PRONOUNS_FEMININE = frozenset({"she", "her", "hers", "herself"})
#: the gendered pronouns that point back at a person named before them in the same sentence
PRONOUNS_GENDERED_BOUND = frozenset({"his", "her", "himself", "herself"})
HONORIFICS_MASCULINE = frozenset({"mr", "mr.", "sir", "lord", "monsieur", "herr", "señor", "signor"})
HONORIFICS_FEMININE = frozenset({"mrs", "mrs.", "ms", "ms.", "miss", "madam", "madame", "lady", "dame", "frau",
                                 "señora", "signora"})
ROLE_WORDS_MASCULINE = frozenset({"spokesman", "chairman", "congressman", "councilman", "businessman",
                                  "statesman", "king", "prince"})
ROLE_WORDS_FEMININE = frozenset({"spokeswoman", "chairwoman", "congresswoman", "councilwoman", "businesswoman",
                                 "stateswoman", "queen", "princess"})
PRONOUNS_GROUP = frozenset({"they", "them", "we"})
POSSESSIVE_PRONOUNS = frozenset({"its", "his", "her", "their", "our", "my", "your"})
RELATIVE_PRONOUNS = frozenset({"who", "that", "which"})
#: pronouns and demonstratives that can stand for an event or proposal named earlier
EVENT_PRONOUNS = frozenset({"it", "this", "that"})
DEMONSTRATIVES = frozenset({"this", "that", "these", "those", "the"})
CLITIC_POSSESSIVE = frozenset({"'s", "’s"})
COPULAS = frozenset({"be", "become", "remain", "stay", "seem", "appear", "get", "have", "do", "let", "make"})
MODALS = frozenset({"will", "would", "must", "should", "shall", "can", "could", "need", "may", "might",
                    "'ll", "wo", "ca"})
CONCESSIVE = frozenset({"although", "though", "whereas", "despite"})
#: prepositions whose object is what a reporting verb is about ("spoke about", "insisted on")
ABOUT_PREPOSITIONS = frozenset({"about", "on", "in", "to", "for", "of", "as", "with"})
SOURCE_PREPOSITIONS = frozenset({"from", "by", "of"})
ARTICLES = frozenset({"the", "a", "an"})
#: head nouns of a state's institutions, named without the state ("the Foreign Ministry", "the General Staff")
INSTITUTION_NOUNS = frozenset({"ministry", "office", "presidency", "service", "services", "staff", "council",
                               "parliament", "government", "embassy", "mission", "department", "agency",
                               "committee", "commission", "court", "army", "navy", "guard", "forces", "police",
                               "administration", "bureau", "directorate", "cabinet", "assembly", "prosecutor",
                               "command", "secretariat", "chancellery", "delegation"})
#: roles of someone posted to another ("the ambassador to Westland", "an envoy to the talks"): their
#: "to" names where they are posted, not whose they are
POSTED_ROLE_NOUNS = frozenset({"ambassador", "ambassadors", "envoy", "envoys", "representative", "representatives",
                               "emissary", "emissaries", "delegate", "delegates", "consul", "nuncio", "observer",
                               "observers", "mission", "delegation", "attache", "attaché"})
#: nouns that stand for a state already named ("the country's parliament")
STATE_NOUNS = frozenset({"country", "nation", "state", "republic"})
#: courtesy titles that open a person's name ("Ms Example", "Sir Ann Example"), never a body's
PERSONAL_HONORIFICS = frozenset({"mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lady", "lord"})
#: modifiers of a title that journalists use for one another ("chief diplomat", "top diplomat")
TITLE_MODIFIER_SYNONYMS = {"chief": "top", "top": "chief"}
#: words of a title that journalists write in other words ("Westland's top diplomat": its foreign minister)
TITLE_PHRASE_SYNONYMS = {"foreign minister": ("top diplomat", "chief diplomat")}
#: nouns for a collective made of others ("an umbrella of resistance groups", "a coalition of farmers")
COLLECTIVE_NOUNS = frozenset({"umbrella", "coalition", "alliance", "association", "federation", "network",
                              "grouping", "bloc", "union"})
#: role nouns whose plural speaks as the body itself ("ISW analysts noted" is the institute's voice)
VOICE_ROLE_NOUNS = frozenset({"analyst", "analysts", "expert", "experts", "researcher", "researchers"})
#: head nouns of the names of documents, not of actors ("the Minsk Agreement", "the Paris Declaration")
DOCUMENT_NOUNS = frozenset({"agreement", "agreements", "treaty", "accord", "accords", "declaration", "memorandum",
                            "charter", "convention", "protocol", "communique", "communiqué", "resolution"})
#: nouns for a written text whose author speaks through it ("the document states", "the Ruritanian memo")
TEXT_NOUNS = DOCUMENT_NOUNS | {"document", "memo", "text", "draft", "letter", "note", "proposal", "proposals",
                               "statement", "message", "readout", "announcement", "transcript", "order", "decree",
                               "paper"}
#: modifiers of a text noun that make it the text of several parties together ("a joint statement")
JOINT_MODIFIERS = frozenset({"joint"})
#: nouns of a scheme that is a text when an actor puts it out ("Westland presented a peace plan")
PLAN_NOUNS = frozenset({"plan", "roadmap", "framework", "initiative", "blueprint"})
#: verbs by which an actor puts out a text of its own ("X presented a plan", "Y issued a statement")
ISSUING_VERBS = frozenset({"present", "release", "publish", "issue", "unveil", "adopt", "propose", "submit",
                           "draft", "circulate", "table", "send", "sign", "approve", "prepare", "announce"})
#: nouns of a speech act whose content clause or complement is its owner's words ("X's claim that …")
SPEECH_ACT_NOUNS = frozenset({"claim", "assertion", "warning", "pledge", "promise", "vow", "insistence",
                              "accusation", "denial", "suggestion", "threat", "argument", "assurance"})
#: nouns of "in X's view" / "in the opinion of X": the holder's own assessment
VIEW_NOUNS = frozenset({"view", "opinion", "words", "assessment", "estimation", "judgment", "judgement"})
#: how the adjectives of states end (Ruritanian, Chinese, Turkish, Kazakh, Slovak, Israeli)
DEMONYM_ENDINGS = ("n", "ese", "sh", "h", "k", "i")
#: determiners that introduce someone not named before ("a US official", "another diplomat")
INDEFINITE_DETERMINERS = frozenset({"a", "an", "another", "one", "some", "several", "two", "three", "many"})
#: verbs of obligation taking a "to" infinitive ("may have to cede", "needs to withdraw")
OBLIGATION_VERBS = frozenset({"have", "need", "got"})
#: prepositions of an exception ("accept the terms, except for T"): what they name is left out
EXCEPTION_PREPS = frozenset({"except", "excluding", "barring"})
#: verbs saying what a thing is or amounts to ("would mean a violation", "constitutes a breach")
EQUATIVE_VERBS = frozenset({"mean", "constitute", "represent", "amount"})
#: modals of obligation ("Y must withdraw from T", "Y should cede T"): the subject is who is obliged
OBLIGATION_MODALS = frozenset({"must", "should", "ought"})
#: prepositions whose object is the time or the cause of what its head does ("sanctions over the
#: annexation", "since the annexation"), not what the head says or demands
CIRCUMSTANCE_PREPS = frozenset({"since", "over", "after", "following", "before", "amid", "despite"})
#: nouns of "in response to …", "in addition to …": the same
CIRCUMSTANCE_NOUNS = frozenset({"response", "reaction", "retaliation", "addition"})
#: modals of mere possibility ("Y could annex T": a warning or a guess, no claim of the one who tells it)
POSSIBILITY_MODALS = frozenset({"could", "might", "may"})
#: pronouns standing for the items of a plural named before ("Among them are …", "These include …")
PRONOUNS_ENUMERATED = frozenset({"them", "these", "those", "they"})
#: words quantifying a whole ("all of X's territory", "the entire territory", "a single inch of X's land")
WHOLE_WORDS = frozenset({"all", "entire", "whole", "every", "inch"})
NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8, "nine": 9, "ten": 10}
WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
#: words of a date phrase that carry no date ("on the", "last", "late")
DATE_FILLERS = frozenset({"on", "the", "last", "late"})
#: date phrases meaning the day of publication
TODAY = frozenset({"today", "this week", "now"})
#: "it" standing for a body ("it said in a statement")
PRONOUNS_THING = frozenset({"it"})
#: first-person words: a document speaker's own voice
PRONOUNS_FIRST = frozenset({"i", "me", "my", "myself", "we", "us", "our", "ours", "ourselves"})
#: subordinators of a condition ("if it gives up T")
CONDITIONAL_MARKS = frozenset({"if", "unless", "provided", "once"})
#: subjects that negate their verb ("nobody could force X to …")
NEGATIVE_SUBJECTS = frozenset({"nobody", "none", "noone", "nothing"})
#: subordinators of a clause set against its main clause ("…, while X retook T")
CONTRASTIVE_MARKS = frozenset({"while", "whereas", "although", "though", "whilst"})
#: subordinators of a clause telling an event before or after the main one ("… after X annexed T")
TEMPORAL_MARKS = frozenset({"after", "before", "since", "when", "until"})
#: verbs whose object does not control their infinitive ("promised X to …": the subject does)
COMMISSIVE_VERBS = frozenset({"promise", "pledge", "vow"})
