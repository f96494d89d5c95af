"""The tokens a reporting verb reports: its complements, without its subject."""

from __future__ import annotations

from ...lang_en import ABOUT_PREPOSITIONS, CONCESSIVE, PRONOUNS_GROUP, PRONOUNS_PERSON
from ..matcher import is_root
from ..speakers import SUBJ, SpeakerResolver
from ..tokens import token_table


def report_scope(speakers: SpeakerResolver, verb, subj) -> list[int]:
    """Tokens of what ``verb`` reports: its complements, inside its sentence, without its subject,
    concessive clauses (the writer's) or clauses reported by another named speaker."""
    doc = speakers.doc.doc
    cues = speakers.cues
    if subj is None:
        exclude = set()
    elif subj.left_edge.i <= verb.i <= subj.right_edge.i:
        exclude = set(range(subj.left_edge.i, subj.i + 1))  # "X, who said …": the clause hangs off X
    else:
        exclude = set(range(subj.left_edge.i, subj.right_edge.i + 1))
    table = token_table(doc)  # the children's relations read from the token table: a Token per match only
    dep, lower, kids = table.dep, table.lower, table.children()[verb.i]
    comps = [doc[j] for j in kids
             if dep[j] in ("ccomp", "xcomp", "dobj", "attr", "oprd", "acomp", "pcomp", "dative")
             or (dep[j] == "prep" and lower[j] in ABOUT_PREPOSITIONS)]
    # "the plan was rejected by X": with the agent speaking, the passive's subject is what it rejects
    agent = next((doc[j] for j in kids if dep[j] == "agent"), None)
    if agent is not None and subj is not None and agent.left_edge.i <= subj.i <= agent.right_edge.i:
        holder = verb.head if verb.dep_ == "acomp" else verb  # "X remains opposed by Y"
        comps += [c for c in holder.children if c.dep_ in ("nsubjpass", "csubjpass", "nsubj")]
        if verb.dep_ == "acl":  # "concepts spurned by Y": the noun the participle modifies
            exclude -= set(range(verb.head.left_edge.i, verb.head.i + 1))
            comps.append(verb.head)
        exclude |= set(range(agent.left_edge.i, agent.right_edge.i + 1))
    # Infinitival clauses after the verb ("asserting its demand … to remain neutral").
    comps += [c for c in verb.children if c.dep_ == "advcl" and c.i > verb.i
              and any(x.dep_ == "aux" and x.lower_ == "to" for x in c.children)
              and not any(x.dep_ in SUBJ or x.dep_ == "mark" for x in c.children)]
    if verb.pos_ == "ADJ":
        comps = [c for c in verb.children if c.dep_ in ("prep", "xcomp", "ccomp", "pcomp")]
    toks: set[int] = set()
    for c in comps:
        toks.update(range(c.left_edge.i, c.right_edge.i + 1))
    if not toks:
        toks.update(i for i in range(verb.left_edge.i, verb.right_edge.i + 1))
    # "claims, which officials refuse": the relative pronoun stands for the noun phrase it modifies.
    rel = next((c for c in verb.children if c.dep_ in ("dobj", "pobj", "nsubjpass")
                and c.lower_ in ("which", "that")), None)
    clause = verb
    while rel is None and clause.dep_ in ("xcomp", "pcomp", "conj", "prep") and not is_root(clause):
        clause = clause.head
        rel = next((c for c in clause.children if c.dep_ in ("dobj", "pobj") and c.lower_ in ("which", "that")), None)
    top = verb
    while top.dep_ != "relcl" and not is_root(top) and top.dep_ in ("xcomp", "pcomp", "conj", "prep", "pobj"):
        top = top.head
    if rel is not None and top.dep_ == "relcl":
        noun = top.head
        toks.update(i for i in range(noun.left_edge.i, noun.i + 1))
    toks.add(verb.i)
    toks -= exclude
    # Stay inside the sentence; concessive clauses are the writer's; a nested
    # reporting verb with a speaker of its own reports that speaker, not this one.
    sent = verb.sent
    toks = {i for i in toks if sent.start <= i < sent.end}
    table = token_table(doc)
    reporting = cues.reporting_candidates(table)
    for i in sorted(toks):
        if table.dep[i] not in ("advcl", "conj") and i not in reporting:
            continue  # neither test below can hold (read without making the Token)
        c = doc[i]
        if c.dep_ in ("advcl", "conj") and any(m.lower_ in CONCESSIVE for m in c.children if m.dep_ == "mark"):
            toks -= set(range(c.left_edge.i, c.right_edge.i + 1))
        elif c.i != verb.i and cues.is_reporting(c) and not cues.is_predicate(c) and c.pos_ == "VERB":
            own = next((x for x in c.children if x.dep_ in ("nsubj", "nsubjpass")), None)
            if own is not None and own.lower_ not in PRONOUNS_PERSON | PRONOUNS_GROUP and speakers.mentioned(own):
                toks -= set(range(c.left_edge.i, c.right_edge.i + 1))
    return sorted(toks)
