"""Territorial claims made by acts (extract/claim_events.py), on sentences written for these tests."""

from __future__ import annotations

import pytest

from stancegraph.ingest import parse_text


def run(extractor, text, published="2022-05-02"):
    r = extractor.extract(parse_text("t", f" date {published} {text}"))
    name = lambda iri: r.actors[iri].name if iri in r.actors else iri
    claims = {(name(c.claimant), c.territory.rsplit("/", 1)[-1], c.sovereign) for c in r.claims}
    return r, None, None, claims


@pytest.mark.parametrize("text,expected", [
    # an acquisition asserts the acquirer's or the recipient's sovereign; its agent claims it
    ("The State Duma voted on Tuesday to ratify the accession of Zaporizhzhia and Kherson to Russia.",
     {("State Duma", "zaporizhzhia", "russia"), ("State Duma", "kherson", "russia")}),
    # condemnation of the act: the condemning actor asserts the contrary sovereign
    ("The European Union condemned the annexation of Sevastopol by Russia.",
     {("European Union", "sevastopol", "ukraine")}),
    # refusal to recognise another act
    ("Volodymyr Zelenskyy refused once more to recognise the annexation of Kherson.",
     {("Volodymyr Zelenskyy", "kherson", "ukraine")}),
    # a withdrawal demanded of one side asserts the other side's sovereign
    ("Vladimir Putin demanded again that Ukraine withdraw its soldiers from Zaporizhzhia.",
     {("Vladimir Putin", "zaporizhzhia", "russia")}),
    ("Dmytro Kuleba insisted that Russian troops must withdraw from Kherson.",
     {("Dmytro Kuleba", "kherson", "ukraine")}),
    # a refused withdrawal keeps the territory where it is
    ("Volodymyr Zelenskyy ruled out pulling his soldiers out of Luhansk.",
     {("Volodymyr Zelenskyy", "luhansk", "ukraine")}),
    # a cession names its recipient
    ("Sergei Lavrov demanded that the government cede Donetsk to Russia.",
     {("Sergei Lavrov", "donetsk", "russia")}),
    # recognition of independence, for each region of a list
    ("Vladimir Putin signed decrees to recognise the independence of Luhansk and Donetsk.",
     {("Vladimir Putin", "luhansk", "independent"), ("Vladimir Putin", "donetsk", "independent")}),
    # a dispute cue said of the act
    ("The European Union called the referendums in Kherson and Zaporizhzhia a sham.",
     {("European Union", "kherson", "ukraine"), ("European Union", "zaporizhzhia", "ukraine")}),
    ("The European Union denounced the sham referendum held in Luhansk.",
     {("European Union", "luhansk", "ukraine")}),
    # reported speech: the speaker holds the claim, not the actor inside it
    ("Sergei Lavrov said the annexed regions of Kherson and Zaporizhzhia would never be returned.",
     {("Sergei Lavrov", "kherson", "russia"), ("Sergei Lavrov", "zaporizhzhia", "russia")}),
    # "the four regions" named nearby
    ("Moscow annexed Donetsk, Luhansk, Kherson and Zaporizhzhia in 2022. "
     "The European Union has refused to recognise the annexation of the four regions.",
     {("Russia", t, "russia") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")}
     | {("European Union", t, "ukraine") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")}),
    # recognising a territory that the sentence says was annexed recognises the annexation
    ("Sergei Lavrov said international recognition of Sevastopol, which Moscow annexed in 2014, was a must.",
     {("Sergei Lavrov", "sevastopol", "russia")}),
    # a condition is a demand; an adverbial clause is not what its head verb ("end") acts on
    ("Vladimir Putin declared his readiness to end the war if Ukraine gives up Kherson and Zaporizhzhia.",
     {("Vladimir Putin", "kherson", "russia"), ("Vladimir Putin", "zaporizhzhia", "russia")}),
    # "its precondition is a withdrawal": whose precondition it is
    ("The Kremlin has made clear that its precondition for a truce is Ukraine's full withdrawal from Luhansk.",
     {("Kremlin", "luhansk", "russia")}),
    # "the annexed territories": the territories listed just before
    ("Moscow holds Sevastopol, Luhansk and parts of Kherson. Vladimir Putin has said Russia will not "
     "relinquish the annexed territories.",
     {("Vladimir Putin", t, "russia") for t in ("sevastopol", "luhansk", "kherson")}),
    # a dispute word in narration is the writer's; in quotation marks it is the speaker's
    ("Vladimir Putin defended the illegal annexation of Sevastopol in a speech.",
     {("Vladimir Putin", "sevastopol", "russia")}),
    ('The European Union spoke of the "illegal annexation" of Kherson.',
     {("European Union", "kherson", "ukraine")}),
    # regretting nothing about an act keeps it
    ("Dmitry Peskov said Moscow did not regret the annexation of Kherson.",
     {("Dmitry Peskov", "kherson", "russia")}),
    # statuses given one by one inside a recognition stay each their own
    ("Dmitry Peskov repeated demands for recognition of Sevastopol as Russian territory and Luhansk as an "
     "independent state.", {("Dmitry Peskov", "sevastopol", "russia"), ("Dmitry Peskov", "luhansk", "independent")}),
    # the same act named again without its territory ("the referendum")
    ('Local authorities announced a referendum in Kherson on joining Russia. Dmytro Kuleba said the '
     '"sham referendum" would change nothing.',
     {("Local authorities", "kherson", "russia"), ("Dmytro Kuleba", "kherson", "ukraine")}),
    # the owner of the stance noun on the way up holds the claim; the status phrase says what is recognised
    ("The visit was cancelled amid anger in Washington over Kyiv's unwillingness to agree to the recognition "
     "of Sevastopol as part of the Russian Federation.", {("Ukraine", "sevastopol", "ukraine")}),
    # a status stated of a copula's subject, the possessive naming whose
    ("Moscow declared in 2022 that three regions – Luhansk, Kherson and Zaporizhzhia – were part of its territory.",
     {("Russia", t, "russia") for t in ("luhansk", "kherson", "zaporizhzhia")}),
])
def test_claims_made_by_acts(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


@pytest.mark.parametrize("text", [
    "The Ukrainian army withdrew from Kherson on Friday.",  # a move, not a claim
    "Russian forces pulled back from the outskirts of Kherson last week.",
    "Kherson residents voted in local elections.",  # no act on sovereignty
    "The assembly condemned the annexation of Sevastopol.",  # the condemning body is no known actor
    "Vladimir Putin spoke about the internationally recognised territory of Kherson.",  # a description
    # a negated observation is not a refusal of the act it observes
    "Dmytro Kuleba condemned the referendum.",
    "Dmytro Kuleba said Kherson is part of the negotiations.",  # part of no state  # no act with a territory named before
    "John Kirby said they have not seen anything to corroborate reports of Russia withdrawing forces from Kherson.",
])
def test_acts_that_claim_nothing(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not claims, claims


def test_a_place_name_is_never_a_claimant(extractor):
    _, _, _, claims = run(extractor, "Kherson asked to join Russia after the vote.")
    assert not {c for c in claims if c[0] == "Kherson"}


FOUR = ("donetsk", "luhansk", "kherson", "zaporizhzhia")


@pytest.mark.parametrize("text,expected", [
    # a list the parse cuts in two ("as well as", brackets, plural region nouns) stays one list
    ("The Federation Council approved the incorporation of the Luhansk and Donetsk People's Republics (LPR "
     "and DPR), as well as the Zaporizhzhia and Kherson Regions, into Russia.",
     {("Federation Council", t, "russia") for t in FOUR}),
    # "the n regions" is the list of n named nearby, even after the phrase and with a city named closer
    ("Sergei Lavrov insisted that Ukraine pull its troops out of four of its regions. Kyiv was calm. "
     "The four are Luhansk, Donetsk, Zaporizhzhia and Kherson.",
     {("Sergei Lavrov", t, "russia") for t in FOUR}),
    # "the latter n": the end of a longer list
    ("The talks covered Kharkiv, Luhansk, Donetsk, Zaporizhzhia and Kherson. The Kremlin announced the "
     "annexation of the latter four regions last year.",
     {("Kremlin", t, "russia") for t in FOUR}),
    # "T and the other n": T with the n listed with it
    ("Moscow proclaimed Luhansk, Donetsk, Zaporizhzhia and Kherson part of Russia in 2022. Maria Zakharova "
     "said the incorporation of Kherson and the other three regions was final.",
     {("Maria Zakharova", t, "russia") for t in FOUR}),
])
def test_lists_of_territories(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims
    assert not {c for c in claims if c[1] in ("kharkiv", "kyiv") and c[0] == next(iter(expected))[0]}, claims


def test_a_list_does_not_cross_the_act(extractor):
    # the territories before the act belong to another clause
    _, _, _, claims = run(extractor, "Fighting went on in Kharkiv and Sumy, and the Kremlin announced the "
                                     "annexation of Kherson.")
    assert ("Kremlin", "kherson", "russia") in claims, claims
    assert not {c for c in claims if c[1] in ("kharkiv", "sumy")}, claims


@pytest.mark.parametrize("text,expected", [
    # "claim T as its own": the claiming state's sovereign
    ("In 2014 the Kremlin claimed Sevastopol and Crimea as its own.",
     {("Kremlin", "sevastopol", "russia"), ("Kremlin", "crimea", "russia")}),
    # a pronoun's territory: the territory named last before, or the list for "their" / "them"
    ("Kherson fell in the first weeks of the war. Dmytro Kuleba has demanded its return ever since.",
     {("Dmytro Kuleba", "kherson", "ukraine")}),
    ("Russian troops took Melitopol and Enerhodar in March. In September the Kremlin annexed them.",
     {("Kremlin", "melitopol", "russia"), ("Kremlin", "enerhodar", "russia")}),
    # "criticised X for refusing …": X refuses, X holds the claim
    ("Donald Trump criticised Volodymyr Zelenskyy for refusing to recognise the annexation of Sevastopol.",
     {("Volodymyr Zelenskyy", "sevastopol", "ukraine")}),
    # a name list the parse hangs on a later noun ("T and U and V's refusal") is still territories
    ("Vladimir Putin demanded the withdrawal of Ukrainian troops from Luhansk and Donetsk and Kiev's "
     "acceptance of neutrality.", {("Vladimir Putin", "luhansk", "russia"), ("Vladimir Putin", "donetsk", "russia")}),
])
def test_claims_from_context(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


@pytest.mark.parametrize("text,absent", [
    # "claim that …" reports; only "claim T as …" is an act
    ("The Kremlin claimed that Sevastopol was calm.", "sevastopol"),
    # a pronoun standing for a state is no territory
    ("Kherson is quiet. Ukraine celebrated its independence on Thursday.", "kherson"),
    # the possessor place governs; it is not what is withdrawn from
    ("Vladimir Putin demanded the withdrawal of Ukrainian troops from Luhansk and Donetsk and Kiev's "
     "acceptance of neutrality.", "kyiv"),
])
def test_context_claims_nothing_more(extractor, text, absent):
    _, _, _, claims = run(extractor, text)
    assert not {c for c in claims if c[1] == absent}, claims


def test_former_status_is_the_contrary(extractor):
    # "the former T territories" are T's no more
    _, _, _, claims = run(extractor, "Vyacheslav Volodin said the people of the former Ukrainian territories of "
                                     "Kherson and Zaporizhzhia were safe now.")
    assert ("Vyacheslav Volodin", "kherson", "russia") in claims, claims
    assert not {c for c in claims if c[2] == "ukraine"}, claims


def test_a_territory_does_not_claim_itself(extractor):
    _, _, _, claims = run(extractor, "The Luhansk People's Republic joined Russia after the vote.")
    assert not {c for c in claims if c[0] == "Luhansk People's Republic"}, claims


def test_a_reported_refusal_is_the_refuser_s(extractor):
    # the speaker reports another actor's refusal; the refuser holds the claim, the speaker relays it
    _, _, _, claims = run(extractor, "Marco Rubio said the talks stalled over Kyiv's refusal to recognise "
                                     "the annexation of Kherson.")
    assert ("Ukraine", "kherson", "ukraine") in claims, claims
    assert not {c for c in claims if c[0] == "Marco Rubio"}, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # a clause set against the main one ("while …") has its own actor
    ("Analysts expected Moscow to dig in, while Ukrainian commanders vowed to retake Melitopol.",
     ("Ukrainian commanders", "melitopol", "ukraine"), "Russia"),
    # a passive agent is who acts, not what the act is about
    ("Moscow staged referendums in Kherson, rejected by Kyiv as a farce.", None, "kyiv"),
    # "X said the plan calls for …": the plan's stance, relayed; the owner of the plan holds it
    ("Jake Sullivan said Russia's proposal calls for the recognition of the annexation of Sevastopol.",
     ("Russia", "sevastopol", "russia"), "Jake Sullivan"),
])
def test_claimant_of_nested_clauses(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    if expected:
        assert expected in claims, claims
    assert not {c for c in claims if unwanted in (c[0], c[1])}, claims


@pytest.mark.parametrize("text,expected", [
    # "the annexed peninsula": the territory named last whose names use that noun
    ("Moscow seized Crimea in 2014. Volodymyr Zelenskyy refuses to recognise the annexed peninsula as Russian.",
     {("Volodymyr Zelenskyy", "crimea", "ukraine")}),
    # the nearest territory is skipped when its names do not use the noun ("city")
    ("Russia took Sevastopol in 2014 and Crimea with it. Dmytro Kuleba has demanded the return of the city ever "
     "since.", {("Dmytro Kuleba", "sevastopol", "ukraine")}),
])
def test_a_definite_region_noun_is_the_territory_named_before(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


def test_a_re_mentioned_act_in_a_sentence_about_another_territory(extractor):
    # "the referendum" in a sentence naming another territory is that territory's, not the one before
    _, _, _, claims = run(extractor, "Denis Pushilin announced a referendum in Donetsk on joining Russia. "
                                     "In Kherson, Vladimir Saldo also approved the referendum.")
    assert not {c for c in claims if c[0] == "Vladimir Saldo" and c[1] == "donetsk"}, claims


def test_a_stance_reported_by_others_is_its_sayer_s(extractor):
    # "A said B told them C insisted …": C holds the claim, A and B relay it
    _, _, _, claims = run(extractor, "European diplomats said Donald Trump told them that Vladimir Putin insisted "
                                     "Ukraine give up Kherson.")
    assert ("Vladimir Putin", "kherson", "russia") in claims, claims
    assert not {c for c in claims if c[0] in ("Donald Trump", "European diplomats")}, claims


def test_a_speaker_holds_the_stance_of_what_they_speak_for(extractor):
    # the Kremlin's spokesman restating the Kremlin's demand holds it; a foreign minister restating it relays it
    _, _, _, own = run(extractor, "Dmitry Peskov said the Kremlin's demand for a withdrawal of Ukrainian troops from "
                                  "Luhansk stands.")
    assert ("Dmitry Peskov", "luhansk", "russia") in own, own
    _, _, _, other = run(extractor, "Dmytro Kuleba said the Kremlin's demand for a withdrawal of Ukrainian troops from "
                                    "Luhansk was absurd.")
    assert not {c for c in other if c[0] == "Dmytro Kuleba" and c[2] == "russia"}, other


def test_a_phrasal_verb_split_by_its_object(extractor):
    # "give T and U up": the particle after the object still makes the cue
    _, _, _, claims = run(extractor, "Dmytro Kuleba said Ukraine would never give Kherson and Zaporizhzhia up.")
    assert {("Dmytro Kuleba", "kherson", "ukraine"), ("Dmytro Kuleba", "zaporizhzhia", "ukraine")} <= claims, claims


def test_a_territory_claimable_only_for_some_sovereigns(extractor):
    # a territory disputed with a state the codebook does not name: the contrary of Russia is not Ukraine there
    _, _, _, claims = run(extractor, "Irakli Kobakhidze demanded the withdrawal of Russian troops from Abkhazia.")
    assert not {c for c in claims if c[1] == "abkhazia"}, claims
    _, _, _, claims = run(extractor, "The Kremlin recognised the independence of Abkhazia in 2008.")
    assert ("Kremlin", "abkhazia", "independent") in claims, claims


@pytest.mark.parametrize("text,expected", [
    # coercion: the act is demanded of the one made to perform it
    ("Donald Trump pressured Volodymyr Zelenskyy to cede Luhansk to Russia.", ("Donald Trump", "luhansk", "russia")),
    # a negation on the coercion negates the act
    ("Emmanuel Macron said Ukraine must not be forced to give up Luhansk.", ("Emmanuel Macron", "luhansk", "ukraine")),
    # a negative subject ("nobody") negates its verb; an infinitive is what its head verb acts on
    ("Olaf Scholz said nobody could compel Ukraine to surrender Melitopol.", ("Olaf Scholz", "melitopol", "ukraine")),
])
def test_coerced_acts(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected in claims, claims
    assert not {c for c in claims if c[0] == expected[0] and c[1] == expected[1] and c[2] != expected[2]}, claims


def test_a_plural_re_mention_takes_every_mention(extractor):
    # "the referendums" named again: all the territories each was named with
    _, _, _, claims = run(extractor, "Local officials announced the referendum in Kherson on Monday. The referendum "
                                     "in Zaporizhzhia was announced too. Dmytro Kuleba said the referendums were a sham.")
    assert {("Dmytro Kuleba", "kherson", "ukraine"), ("Dmytro Kuleba", "zaporizhzhia", "ukraine")} <= claims, claims


@pytest.mark.parametrize("text,unwanted", [
    # forces that perform the act are no document speaking for their state
    ("Ukrainian forces would do their best to recapture Crimea.", ("Ukraine", "crimea", "ukraine")),
    # the demand in a relative clause is its subject's: the reporter relays it
    ("Anna Varga said the talks stalled over the parts of Luhansk, which Russia has demanded Ukraine hand over.",
     ("Anna Varga", "luhansk", "russia")),
    # "an attempt to annex T and seize U": the conjoined act's object and the attempt are not what is annexed
    ("Analysts saw an attempt by Moscow to annex the Donbas region and seize the port cities near Crimea.",
     ("Russia", "crimea", "russia")),
])
def test_nested_acts_claim_nothing_more(extractor, text, unwanted):
    _, _, _, claims = run(extractor, text)
    assert unwanted not in claims, claims


def test_a_past_act_in_a_relative_clause_is_background(extractor):
    # the writer's "T, which X annexed in 2014" is background; the same words in a speaker's mouth are a claim
    _, _, _, told = run(extractor, "Russia controls a fifth of the country, including Sevastopol, which Moscow "
                                   "annexed in 2014.")
    assert not told, told
    _, _, _, said = run(extractor, 'Anna Varga said: "We hold Sevastopol, which Moscow annexed in 2014."')
    assert ("Anna Varga", "sevastopol", "russia") in said, said


FILLER = " ".join(f"The delegates met again on day {n}." for n in range(1, 8))


@pytest.mark.parametrize("text,expected", [
    # the one act of the article, named again long after ("X's attempted annexations"): its territories
    ("Moscow staged votes to annex Kherson and Luhansk. " + FILLER + " Anna Varga rejected Russia's attempted "
     "annexations.",
     {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")}),
    # named again by another word for the same kind of act ("annexed T" -> "the annexation")
    ("Moscow annexed Kherson last week. Anna Varga condemned the annexation.", {("Anna Varga", "kherson", "ukraine")}),
])
def test_an_act_named_again_far_off_or_by_another_word(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


def test_a_thing_naming_its_holder_is_relayed_by_the_reporter(extractor):
    _, _, _, claims = run(extractor, "In Anna Varga's view, Kyiv's letter on its refusal to recognise Crimea as "
                                     "Russian land has slowed the negotiations.")
    assert not {c for c in claims if c[0] == "Anna Varga"}, claims


def test_another_act_of_the_same_kind_is_not_named_again(extractor):
    # "the referendum" is not the annexation named before
    _, _, _, claims = run(extractor, "Russia annexed Crimea in 2014. Anna Varga said the referendum would decide "
                                     "on the peace deal.")
    assert not {c for c in claims if c[0] == "Anna Varga"}, claims


def test_an_act_named_again_far_off_when_the_article_names_several(extractor):
    # two acts on different territories long before: "the annexation" is neither for sure
    _, _, _, claims = run(extractor, "Moscow annexed Kherson in the spring. Later Moscow annexed Luhansk. " + FILLER +
                          " Anna Varga condemned the annexation.")
    assert not {c for c in claims if c[0] == "Anna Varga"}, claims


def test_a_recognised_status_is_the_recognition_s(extractor):
    # the status phrase a recognition takes ("as part of X") is what is recognised, not a status the
    # reporting speaker states; the refuser holds the refusal, whatever the sentence says of it above
    _, _, _, claims = run(extractor, "Anna Varga said the summit failed because of Kyiv's refusal to agree to the "
                                     "recognition of Crimea as part of the Russian Federation.")
    assert ("Ukraine", "crimea", "ukraine") in claims, claims
    assert not {c for c in claims if c[2] == "russia"}, claims


def test_what_others_think_of_a_holder_s_stance_does_not_turn_it(extractor):
    _, _, _, claims = run(extractor, "Anna Varga condemned Kyiv's refusal to recognise the annexation of Kherson.")
    assert ("Ukraine", "kherson", "ukraine") in claims, claims
    assert ("Ukraine", "kherson", "russia") not in claims, claims


def test_a_spokesman_reporting_his_own_side_s_act_holds_it(extractor):
    _, _, _, own = run(extractor, "Dmitry Peskov said Moscow did not regret announcing the annexation of Kherson.")
    assert ("Dmitry Peskov", "kherson", "russia") in own, own
    # one who does not speak for the actor only reports its act
    _, _, _, other = run(extractor, "Dmytro Kuleba said Moscow did not regret announcing the annexation of Kherson.")
    assert not {c for c in other if c[0] == "Dmytro Kuleba" and c[2] == "russia"}, other


def test_a_recognition_recognises_the_status_after_as(extractor):
    # a status word earlier in the recognised phrase ("occupied Ukrainian territories") is not what is recognised
    _, _, _, claims = run(extractor, "Anna Varga ruled out a deal unless the world recognises Crimea and the other "
                                     "occupied Ukrainian territories as Russian.")
    assert ("Anna Varga", "crimea", "russia") in claims, claims
    assert ("Anna Varga", "crimea", "ukraine") not in claims, claims


@pytest.mark.parametrize("text,expected", [
    # "all of X's territory", "the entire territory of X", "a single inch of X's territory": every territory
    # the article's acts named before
    ("Moscow annexed Kherson and Luhansk in 2022. Anna Varga demanded that Russia withdraw its forces from all of "
     "Ukraine's territory.", {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")}),
    ("Moscow annexed Kherson in 2022. Anna Varga demanded that Russia withdraw from the entire territory of Ukraine.",
     {("Anna Varga", "kherson", "ukraine")}),
    ("Moscow wants Ukraine to cede Crimea. Anna Varga said Ukraine would never give up a single inch of Ukrainian "
     "territory.", {("Anna Varga", "crimea", "ukraine")}),
])
def test_the_whole_of_a_state_s_territory(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


def test_the_whole_territory_with_no_act_before_names_nothing(extractor):
    _, _, _, claims = run(extractor, "Fighting went on near Kharkiv. Anna Varga demanded that Russia withdraw its "
                                     "forces from all of Ukraine's territory.")
    assert not claims, claims


def test_a_reported_loss_claims_nothing(extractor):
    _, _, _, claims = run(extractor, "Anna Varga said Ukraine lost Kherson in March.")
    assert not claims, claims


@pytest.mark.parametrize("text,expected", [
    # a state's whole territory said to include a territory: that state's sovereign for it
    ("Anna Varga said all Russian territory, including Kherson, is protected.", {("Anna Varga", "kherson", "russia")}),
    # an inclusion naming no territory stands for the territories the article's acts named before
    ("Moscow annexed Kherson and Luhansk in 2022. Anna Varga said all of Russia's land, including "
     "the newly added regions, was safe from any attack.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    ("Moscow annexed Kherson and Luhansk last year. Anna Varga said the whole Russian territory, including the "
     "areas joined since, would stay under the state's guard.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
])
def test_a_whole_territory_including_parts(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


def test_an_inclusion_in_no_state_s_territory_claims_nothing(extractor):
    _, _, _, claims = run(extractor, "Anna Varga said all the talks, including those on Kherson, went well.")
    assert not claims, claims


def test_an_inclusion_with_no_act_before_stands_for_the_territories_named_before(extractor):
    _, _, _, claims = run(extractor, "Kherson and Luhansk were shelled again overnight. The talks went nowhere. "
                                     "Anna Varga said all Russian territory, including the parts to be added later, "
                                     "is protected.")
    assert {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")} <= claims, claims


def test_items_listed_after_no_demand_claim_nothing(extractor):
    _, _, _, claims = run(extractor, "Anna Varga visited several towns on Monday. Among them are places near Kherson "
                                     "from which Ukrainian troops withdrew.")
    assert not claims, claims


def test_a_participle_between_dashes_does_not_reach_the_names_after_it(extractor):
    # "T — annexed in 2014 — and parts of U and V": U and V were not annexed
    _, _, _, claims = run(extractor, "Anna Varga said the swap possibly referred to Crimea — illegally annexed in "
                                     "2014 — and parts of Donetsk and Kherson.")
    assert not {c for c in claims if c[1] in ("donetsk", "kherson")}, claims


@pytest.mark.parametrize("text,expected", [
    # conjoined verbs: the first one's negation is its own, not said again of the act
    ("The European Union said it does not and will not recognise Russia's annexation of Sevastopol.",
     ("European Union", "sevastopol", "ukraine")),
    ("Anna Varga condemned and refused to recognise the annexation of Kherson.", ("Anna Varga", "kherson", "ukraine")),
])
def test_negations_of_conjoined_verbs(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected in claims, claims
    assert (expected[0], expected[1], "russia") not in claims, claims


@pytest.mark.parametrize("text,expected", [
    # each named actor of a conjoined subject holds the act
    ("Anna Varga and Olaf Scholz condemned the annexation of Kherson.",
     {("Anna Varga", "kherson", "ukraine"), ("Olaf Scholz", "kherson", "ukraine")}),
    # "their regions": the list named before the pronoun
    ("In Luhansk and Donetsk, Denis Pushilin and Leonid Pasechnik asked Vladimir Putin to annex their regions.",
     {(who, t, "russia") for who in ("Denis Pushilin", "Leonid Pasechnik") for t in ("luhansk", "donetsk")}),
])
def test_conjoined_claimants_and_their_regions(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


@pytest.mark.parametrize("text", [
    "Anna Varga said Russia claimed that Crimea was calm.",  # "claim that …" reports
    # "It called for …" with "it" a thing we do not know: the act's own agent does not stand in
    "The draft plan was leaked on Friday. It also called for recognition by Washington of Russia's sovereignty "
    "over Crimea.",
])
def test_claims_sovereignty_and_regard_nothing(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not claims, claims


def test_a_past_obligation_is_a_report(extractor):
    _, _, _, claims = run(extractor, "Anna Varga said Ukraine had to withdraw from Kherson in 2022.")
    assert not claims, claims


def test_no_reason_to_give_up_and_we_in_a_quote(extractor):
    # "no reason why we should give up T" negates the act; "we" in a quote is the quote's speaker
    _, _, _, claims = run(extractor, 'Moscow wants Ukraine to cede Crimea. "There is no legal or moral reason why we '
                                     'should give up a single inch of Ukrainian territory," Anna Varga said.')
    assert ("Anna Varga", "crimea", "ukraine") in claims, claims
    assert ("Anna Varga", "crimea", "russia") not in claims, claims


def test_we_in_a_quote_nobody_said_claims_nothing(extractor):
    _, _, _, claims = run(extractor, 'Moscow wants Ukraine to cede Crimea. The banner read: "We will never give up '
                                     'Crimea."')
    assert not {c for c in claims if c[2] == "ukraine"}, claims


@pytest.mark.parametrize("text", [
    "Anna Varga said Ukraine would cede the remaining parts of the occupied Donbas region.",  # "parts of T"
    "Sergei Lavrov said the minister was part of the regime in Kyiv.",  # part of no state
])
def test_no_party_named_but_a_party_that_is_no_state(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not {c for c in claims if c[2] == "ukraine" or c[1] == "kyiv"}, claims


# Acts read in their context, each row a mechanism: (sentence written for it, a claim it must make)
ACTS_IN_CONTEXT = [
    # a thing that names its holder ("X's statement", "the Ruritanian memorandum") is the holder's, relayed
    # by whoever reports it
    ("In Anna Varga's view, Kyiv's letter on its refusal to recognise Crimea as Russian land has slowed the "
     "negotiations.", ("Ukraine", "crimea", "ukraine")),
    ("Anna Varga said the Russian memorandum calls for the recognition of Crimea as part of Russia.",
     ("Russia", "crimea", "russia")),
    # a document that demands or states the act speaks for its owner: a demonym, a possessor, "of X's …"
    ("The Russian memorandum calls for the recognition of Crimea as part of Russia.", ("Russia", "crimea", "russia")),
    ("The first section of Russia's settlement proposals states that Ukrainian troops must withdraw from Kherson.",
     ("Russia", "kherson", "russia")),
    # the relative pronoun is what the act inside the relative clause is about; the clause's subject holds it
    ("Anna Varga said the talks stalled over the parts of Luhansk, which Russia has demanded Ukraine hand over.",
     ("Russia", "luhansk", "russia")),
    # a recipient the parse hangs on the object's last noun
    ("Anna Varga said the proposal obliges Russia to return control of Kherson and the Kakhovka dam to Ukraine.",
     ("Anna Varga", "kherson", "ukraine")),
    # a provision verb makes the act a term its holder demands; the place withdrawn from may hang on the verb
    ("Anna Varga said the decision entails a complete pullback of Ukrainian troops beyond the borders of the "
     "Donbas region.", ("Anna Varga", "donbas", "russia")),
    ("The Russian memorandum envisages the recognition of Crimea as part of Russia.", ("Russia", "crimea", "russia")),
    # a negation on the provision negates the act
    ("The plan does not envisage a withdrawal of Ukrainian troops from Kherson, Anna Varga said.",
     ("Anna Varga", "kherson", "ukraine")),
    # backing a statement that a state lost a territory asserts the other side's sovereign
    ("Anna Varga welcomed Donald Trump's statement that Ukraine had lost Crimea long ago.",
     ("Anna Varga", "crimea", "russia")),
    ("Anna Varga said the Kremlin welcomed Donald Trump's statement that Ukraine had lost Crimea long ago.",
     ("Kremlin", "crimea", "russia")),
    # a loss refused
    ("Anna Varga said Ukraine will never lose Kherson.", ("Anna Varga", "kherson", "ukraine")),
    # "Among them are …", "These include …": the terms of the demands named in the sentence before
    ("Anna Varga set out her government's conditions for a truce on Friday. Among them are the withdrawal of "
     "Ukrainian forces from Luhansk and Kiev's refusal to join NATO.", ("Anna Varga", "luhansk", "russia")),
    ("Anna Varga repeated her demands on Monday. These include the withdrawal of Ukrainian troops from Kherson.",
     ("Anna Varga", "kherson", "russia")),
    # "X's claims to T": the claimer's sovereign; the "to" names the territory, not a recipient
    ("Anna Varga said Russian claims to Kherson were old.", ("Anna Varga", "kherson", "russia")),
    # the preposition the parse hangs on the verb whose object the act is; a dispute word on it
    ("Anna Varga rejected Russia's claims to Kherson.", ("Anna Varga", "kherson", "ukraine")),
    ("Anna Varga called the Ukrainian claims to Crimea baseless.", ("Anna Varga", "crimea", "russia")),
    # sovereignty over T
    ("Anna Varga said Ukraine would restore its sovereignty over Crimea.", ("Anna Varga", "crimea", "ukraine")),
    # "regard T as …", "view T as …" (with "as" hung on the object)
    ("Moscow regards Crimea as Russian territory.", ("Russia", "crimea", "russia")),
    ("Anna Varga said Kyiv views Crimea as Ukrainian land.", ("Anna Varga", "crimea", "ukraine")),
    # a noun clause of a demand is no relative clause: the demand's rejecter holds it
    ("Anna Varga rejected the demand that Ukraine hand over the rest of Donetsk.", ("Anna Varga", "donetsk", "ukraine")),
    # an obligation is a demand
    ("Anna Varga said Ukraine may have to cede Donbas to Russia as part of a deal.", ("Anna Varga", "donbas", "russia")),
    ("Anna Varga said Russia needs to withdraw from Kherson.", ("Anna Varga", "kherson", "ukraine")),
    # a place's wish told by a speaker is the speaker's claim
    ("The separatist leader in Donetsk, Denis Pushilin, said the region wants to join Russia.",
     ("Denis Pushilin", "donetsk", "russia")),
    # an acquisition naming no acquirer is the claimant's own state's
    ("Volodymyr Zelenskyy said the occupied city of Melitopol would be liberated soon.",
     ("Volodymyr Zelenskyy", "melitopol", "ukraine")),
    ("Vladimir Putin said Donbas would be liberated.", ("Vladimir Putin", "donbas", "russia")),
    ("Volodymyr Zelenskyy promised the liberation of Kherson.", ("Volodymyr Zelenskyy", "kherson", "ukraine")),
]


@pytest.mark.parametrize("text,expected", ACTS_IN_CONTEXT)
def test_acts_in_context(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected in claims, claims


OTHER_FORMS = [
    # a past event told as the time of another is its own clause: its subject performs the act
    ("The talks stalled after Anna Varga's government signed treaties to annex Kherson and Luhansk. "
     "Later, Vladimir Putin's remarks came after he signed a decree to annex Kherson.",
     {("Vladimir Putin", "kherson", "russia")}),
    # a recognition with a status names it; a plan the parse conjoins to it is not what is recognised
    ("Sergei Lavrov demanded that Ukraine should recognize Kherson as Russian territory, drop its plans to join the EU "
     "and hold talks.", {("Sergei Lavrov", "kherson", "russia")}),
    # refusing to acknowledge an act asserts the contrary
    ("Anna Varga said her country would never acknowledge the annexation of Luhansk.",
     {("Anna Varga", "luhansk", "ukraine")}),
    # calling an act a robbery disputes it
    ("Anna Varga described the annexation of Kherson as a robbery in broad daylight.",
     {("Anna Varga", "kherson", "ukraine")}),
    # "return T" said of the side holding it gives T back; said of the other side it takes T back
    ("Anna Varga said Russia would never return Kherson.", {("Anna Varga", "kherson", "russia")}),
    ("Anna Varga said Russia must return Kherson.", {("Anna Varga", "kherson", "ukraine")}),
    ("Anna Varga said Ukraine will return Kherson.", {("Anna Varga", "kherson", "ukraine")}),
]


REGIONS_FOR_A_LIST = [
    # "annexed the territories": the list named in the sentences before
    ("Referendums were held in the regions of Kherson, Luhansk and Zaporizhzhia. Days later, Vladimir Putin "
     "formally annexed the territories.",
     {("Vladimir Putin", t, "russia") for t in ("kherson", "luhansk", "zaporizhzhia")}),
    # a number counting a region noun across the words that qualify it
    ("Vladimir Putin signed treaties to annex four Moscow-held southern regions. Kherson, Luhansk, Donetsk and "
     "Zaporizhzhia had voted in September.",
     {("Vladimir Putin", t, "russia") for t in ("kherson", "luhansk", "donetsk", "zaporizhzhia")}),
]


def test_regions_named_by_themselves_stand_for_no_list(extractor):
    _, _, _, claims = run(extractor, "Kherson and Luhansk were shelled. Officials said the regions of the "
                                      "country were calm, and four soldiers from the regions died.")
    assert not claims, claims


@pytest.mark.parametrize("text,expected,absent", [
    # recognising a holding (occupied territories, new realities) with no status named is not statehood
    ("Anna Varga demanded international recognition of the occupied Ukrainian territories, including Luhansk "
     "and the Kherson region.", {("Anna Varga", "luhansk", "russia"), ("Anna Varga", "kherson", "russia")},
     {("Anna Varga", "luhansk", "ukraine"), ("Anna Varga", "luhansk", "independent")}),
    ("Anna Varga said the terms include the recognition of new territorial realities, the status of Crimea and "
     "Kherson.", {("Anna Varga", "crimea", "russia"), ("Anna Varga", "kherson", "russia")},
     {("Anna Varga", "crimea", "independent")}),
    ("Anna Varga said Ukraine will never recognize the occupied territories of Kherson and Luhansk.",
     {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")}, set()),
    # the independence of republics is still statehood
    ("Vladimir Putin recognised the independence of the Donetsk and Luhansk people's republics.",
     {("Vladimir Putin", "donetsk", "independent"), ("Vladimir Putin", "luhansk", "independent")},
     {("Vladimir Putin", "donetsk", "russia")}),
])
def test_recognising_a_holding(extractor, text, expected, absent):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not absent & claims, claims


MORE_WAYS = [
    # a territory as the act's possessor is what the act is about
    ("Britain refused to accept Crimea's annexation.", {("United Kingdom", "crimea", "ukraine")}),
    # reuniting with a state, recovering a territory
    ("Anna Varga said Kherson and Luhansk had reunited with Russia through referendums.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    ("Volodymyr Zelenskyy vowed to do all possible to recover Crimea.", {("Volodymyr Zelenskyy", "crimea", "ukraine")}),
    # "a territory of X", "X soil"
    ("Anna Varga said Kherson is a territory of the Russian Federation.", {("Anna Varga", "kherson", "russia")}),
    ("Anna Varga said Luhansk remains Ukrainian soil.", {("Anna Varga", "luhansk", "ukraine")}),
]


DISPUTES_AND_HOLDINGS = [
    # an act said to have no legal value is disputed
    ("Anna Varga said any decision to proceed with the annexation of Kherson and Luhansk would have no legal value.",
     {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")}),
    # the holding recognised, with its territories listed in an apposition naming republics
    ("Anna Varga said the conditions include the recognition of new territorial realities, the status of Crimea "
     "and the Luhansk People's Republic as subjects of the Russian Federation.",
     {("Anna Varga", "crimea", "russia"), ("Anna Varga", "luhansk", "russia")}),
]


@pytest.mark.parametrize("text,expected", OTHER_FORMS + REGIONS_FOR_A_LIST + MORE_WAYS + DISPUTES_AND_HOLDINGS)
def test_claims_told_in_other_forms(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


# --- claims on fresh news: counted groups, capitals, demands in the subjunctive, a document's voice ---

COUNTED_GROUPS = [  # a counted phrase with no list near it
    # "four regions" with no list named near it: the one group of four in the territory data
    ("Anna Varga remains firm on her terms, namely that Ukraine withdraw from four regions partly held by her army.",
     {("Anna Varga", t, "russia") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")}),
    ("The assembly voted to condemn the illegal annexation of 4 regions of Ukraine, Ivan Petrenko said.",
     {("Ivan Petrenko", t, "ukraine") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")}),
]


def test_counted_regions_prefer_the_list_named_near_them(extractor):
    # a list of two named just before: "the two regions" are those, not a group of the data
    _, _, _, claims = run(extractor, "Anna Varga spoke of Kherson and Crimea. She demanded that Ukraine withdraw "
                                     "from the two regions.")
    assert {("Anna Varga", "kherson", "russia"), ("Anna Varga", "crimea", "russia")} <= claims, claims
    assert not any(t in ("donetsk", "luhansk") for _, t, _ in claims), claims


@pytest.mark.parametrize("text,absent", [
    # a capital named alone stands for its government
    ("Ivan Petrenko, a spokesman for the foreign ministry in Kyiv, said the annexation of Crimea is illegal.", "kyiv"),
    ("Ivan Petrenko said Russia wants a puppet regime in Kyiv and the recognition of Crimea as Russian.", "kyiv"),
    ("Anna Varga demanded the withdrawal of Ukrainian troops from the Kyiv-controlled part of Kherson.", "kyiv"),
])
def test_a_capital_alone_is_no_territory_of_a_claim(extractor, text, absent):
    _, _, _, claims = run(extractor, text)
    assert claims and not any(t == absent for _, t, _ in claims), claims


def test_a_capital_in_a_list_of_territories_is_one(extractor):
    _, _, _, claims = run(extractor, "Ivan Petrenko said Odesa, Kharkiv and Kyiv are part of Russia.")
    assert ("Ivan Petrenko", "kyiv", "russia") in claims and ("Ivan Petrenko", "odesa", "russia") in claims, claims


WITHDRAWALS_IN_OTHER_WORDS = [  # withdrawal demands in other words
    # the subjunctive only a demand takes, with no demand verb governing it in the parse
    ("Anna Varga stayed firm on one point: that Ukraine withdraw from Kherson and Luhansk.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    # more ways to say a withdrawal
    ("Anna Varga demanded that Ukraine retire its troops from Kherson.", {("Anna Varga", "kherson", "russia")}),
    ("Anna Varga said Ukrainian troops must leave Kherson and Luhansk.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    ("Ivan Petrenko insisted that Russian forces retreat from Kherson.", {("Ivan Petrenko", "kherson", "ukraine")}),
]


def test_a_report_of_leaving_is_no_claim(extractor):
    # no demand, obligation or condition: a move told, not a claim
    _, _, _, claims = run(extractor, "Ivan Petrenko said Ukrainian troops left Kherson in the night.")
    assert not claims, claims


def test_a_past_act_told_as_the_time_of_another_is_its_agents(extractor):
    # the speaker tells when something happened; the annexation is Russia's, not the speaker's
    _, _, _, claims = run(extractor, "Ivan Petrenko said Ukraine asked for help after Russia annexed Kherson.")
    assert ("Ivan Petrenko", "kherson", "russia") not in claims, claims


def test_an_act_qualifying_a_region_names_no_acquirer(extractor):
    # "Ukrainian regions annexed in 2022": what is annexed, not who annexes
    _, _, _, claims = run(extractor, "Anna Varga demanded that Ukraine hand over to Russia Kherson and Luhansk, "
                                     "two Ukrainian regions annexed in 2022.")
    assert ("Anna Varga", "kherson", "russia") in claims and ("Anna Varga", "kherson", "ukraine") not in claims, claims


def test_a_documents_voice_disputes_an_act(extractor):
    # a first-person document: a sentence in its own voice whose subject is the act disputed
    r = extractor.extract(parse_text("t", "speaker: Ann Example\n---\nWe met today. Monday's decree on the "
                                          "annexation of Kherson and Luhansk has no legal force."))
    claims = {(r.actors[c.claimant].name, c.territory.rsplit("/", 1)[-1], c.sovereign) for c in r.claims}
    assert {("Ann Example", "kherson", "ukraine"), ("Ann Example", "luhansk", "ukraine")} <= claims, claims


@pytest.mark.parametrize("text", [
    # the act is the cause or the time of what the subject does: nothing asserted of it
    "The European Union extended the sanctions it imposed over Russia's annexation of Kherson.",
    "Ivan Petrenko has backed the government since the annexation of Kherson in 2022.",
    "The council froze the assets in response to the annexation of Kherson.",
    # another actor's possible act, told as a warning
    "The United States warned that Russia could be planning to annex Kherson and Luhansk.",
])
def test_acts_that_are_circumstances_or_possibilities_claim_nothing(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not claims, claims


LIMITS_OF_CIRCUMSTANCES = [  # where circumstances and possibilities still claim
    # disputed inside the speaker's own words, the circumstance still speaks
    ('Ivan Petrenko said: "We have stood firm since the illegal annexation of Kherson."',
     {("Ivan Petrenko", "kherson", "ukraine")}),
    # an obligation is no mere possibility
    ("Ivan Petrenko said Ukraine may have to cede Kherson.", {("Ivan Petrenko", "kherson", "russia")}),
    # "it" for the state that says so
    ("Russia has repeatedly stated it remains firm on one demand: that Ukraine withdraw from Kherson.",
     {("Russia", "kherson", "russia")}),
]


@pytest.mark.parametrize("text,expected", [
    # not recognising an act the speaker calls illegal is one stance said twice, not a double negation
    ('Ivan Petrenko said: "We do not recognise the illegal annexation of Kherson."', {("Ivan Petrenko", "kherson", "ukraine")}),
    ('Anna Varga said: "Nobody will ever accept the sham referendum in Luhansk."', {("Anna Varga", "luhansk", "ukraine")}),
    # a disputing predicate negated still turns back
    ("Anna Varga said the referendum in Luhansk was not a sham.", {("Anna Varga", "luhansk", "russia")}),
])
def test_negation_and_a_disputing_modifier(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not {(a, t, "russia" if s == "ukraine" else "ukraine") for a, t, s in expected} & claims, claims


def test_another_actors_act_mentioned_is_no_claim(extractor):
    # Russia's act named as what people were involved in: the sanctioning union asserts nothing of it
    _, _, _, claims = run(extractor, "The European Union sanctioned five people involved in Russia's annexation of Kherson.")
    assert not any(a == "European Union" for a, _, _ in claims), claims
    # a stance on the act still speaks
    _, _, _, claims = run(extractor, "The European Union condemned Russia's annexation of Kherson.")
    assert ("European Union", "kherson", "ukraine") in claims, claims


POSSESSIVE_TERRITORY = [  # a state's territory by its possessive
    # a state's territory or land by its possessive, and "the territory of" a state
    ("Ivan Petrenko said Kherson is Russia’s territory.", {("Ivan Petrenko", "kherson", "russia")}),
    ("Anna Varga said Luhansk remains the sovereign territory of Ukraine.", {("Anna Varga", "luhansk", "ukraine")}),
    ("Anna Varga said Kherson is Ukraine's land and always will be.", {("Anna Varga", "kherson", "ukraine")}),
]


def test_a_status_phrase_an_act_is_of_describes_the_holding(extractor):
    # "claims to Ukraine's southern territories": the claim is Russia's, the phrase only says whose they were
    _, _, _, claims = run(extractor, "Ivan Petrenko said the Russian claims to Ukraine's southern territories, "
                                     "Kherson among them, are old.")
    assert ("Ivan Petrenko", "kherson", "ukraine") not in claims, claims


@pytest.mark.parametrize("before,expected", [
    ("Kherson and Luhansk", {("Ivan Petrenko", "kherson", "russia"), ("Ivan Petrenko", "luhansk", "russia")}),
    ("the war", set()),  # no list named before: "these regions" name nothing
])
def test_these_regions_are_the_list_named_before(extractor, before, expected):
    _, _, _, claims = run(extractor, f"Ivan Petrenko spoke about {before}. He said these regions must be "
                                     "recognized as belonging to Russia.")
    assert claims == expected, claims


@pytest.mark.parametrize("text,expected", COUNTED_GROUPS + WITHDRAWALS_IN_OTHER_WORDS + LIMITS_OF_CIRCUMSTANCES +
                         POSSESSIVE_TERRITORY)
def test_claims_on_fresh_news(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


@pytest.mark.parametrize("text", [
    # a negated or denied demand asserts nothing: a refusal to demand is no claim (not the contrary sovereign)
    "Ivan Petrenko said the Russian government is not demanding the withdrawal of Ukrainian troops from Kherson "
    "and Zaporizhzhia.",
    "Ivan Petrenko said Moscow does not call for a pullout of Ukrainian forces from Luhansk.",
    "Ivan Petrenko denied demanding the withdrawal of Ukrainian troops from Donetsk.",
    "Anna Varga said nobody is urging Ukraine to cede Kherson.",
])
def test_a_negated_or_denied_demand_claims_nothing(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not claims, claims


@pytest.mark.parametrize("text,expected", [
    # the same demands said outright still claim, and a negated act that is no demand still turns
    ("Ivan Petrenko said the Russian government is demanding the withdrawal of Ukrainian troops from Kherson.",
     {("Government of Russia", "kherson", "russia")}),
    ("Anna Varga said Ukraine will not cede Kherson.", {("Anna Varga", "kherson", "ukraine")}),
])
def test_a_demand_said_outright_still_claims(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # "claimed them as its own": the claiming state's own sovereign, for the list a counted phrase stands
    # for; the adjective on "parts of four Ukrainian regions" says whose they were and asserts nothing
    ("Ivan Petrenko said Russia has seized large parts of four Ukrainian regions and claimed them as its own.",
     {("Russia", t, "russia") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")},
     {("Russia", t, "ukraine") for t in ("donetsk", "luhansk", "kherson", "zaporizhzhia")}),
    ("Anna Varga said Russia seized large parts of Kherson and Zaporizhzhia and claimed them as its own.",
     {("Russia", "kherson", "russia"), ("Russia", "zaporizhzhia", "russia")},
     {("Russia", "kherson", "ukraine"), ("Russia", "zaporizhzhia", "ukraine")}),
])
def test_claimed_as_its_own_is_the_claimant_s_state(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not unwanted & claims, claims


def test_parts_of_regions_named_by_their_adjective_claim_nothing(extractor):
    _, _, _, claims = run(extractor, "Ivan Petrenko said Russia controls large parts of four Ukrainian regions.")
    assert not claims, claims


@pytest.mark.parametrize("text,expected", [
    # the subject of a modal of obligation is who is obliged; the actor saying so holds the claim
    ("Anna Varga said Westland must recognise Kherson as Russian territory.", {("Anna Varga", "kherson", "russia")}),
    ("Ivan Petrenko said the Russian army has to withdraw from Zaporizhzhia.",
     {("Ivan Petrenko", "zaporizhzhia", "ukraine")}),
    # "we" in a quote is the speaker, obliged or not
    ('"We must return Luhansk," Anna Varga said.', {("Anna Varga", "luhansk", "ukraine")}),
])
def test_an_obligation_is_held_by_who_states_it(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert claims == expected, claims


@pytest.mark.parametrize("text", [
    # told by the writer, an obligation is nobody's claim: least of all the obliged party's
    "Under the plan, Ukraine must recognize Kherson and Zaporizhzhia as Russian territory.",
    "Russia must withdraw from Kherson.",
    "Ukraine should give up Luhansk, the plan says nothing more.",
])
def test_the_obliged_party_holds_no_claim(extractor, text):
    _, _, _, claims = run(extractor, text)
    assert not {c for c in claims if c[0] in ("Ukraine", "Russia")}, claims


@pytest.mark.parametrize("text,expected", [
    # a state's ownership of a territory is its sovereign, recognised or refused
    ("Anna Varga said international recognition of Russia's ownership of Kherson and Luhansk is a must.",
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    ("Ivan Petrenko said Westland would never accept Russian ownership of Sevastopol.",
     {("Westland", "sevastopol", "ukraine")}),
])
def test_ownership_of_a_territory(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert claims == expected, claims


@pytest.mark.parametrize("text,unwanted", [
    # a past act told in a relative clause on its territory is the writer's background, also inside a
    # statement reported without quotation marks
    ("Anna Varga said Westland wants talks on the future of Kherson, which was annexed by Russia in 2022.",
     ("Anna Varga", "kherson", "russia")),
    ("Ivan Petrenko said he wants Russia to return Sevastopol, which Moscow annexed in 2014.",
     ("Ivan Petrenko", "sevastopol", "russia")),
])
def test_background_inside_reported_speech_is_nobody_s_claim(extractor, text, unwanted):
    _, _, _, claims = run(extractor, text)
    assert unwanted not in claims, claims


def test_an_act_named_in_a_phrase_on_a_verb_of_saying_is_no_claim(extractor):
    # the act dates the statement; the statement is not about it
    _, _, _, claims = run(extractor, "Anna Varga said in a statement on the anniversary of Russia's annexation "
                                     "of Sevastopol that the sanctions remain.")
    assert ("Anna Varga", "sevastopol", "russia") not in claims, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # a passive coercion: the coerced party is obliged, the actor saying so holds the claim
    ("Russia will be forced to negotiate on the return of Sevastopol, Anna Varga said.",
     {("Anna Varga", "sevastopol", "ukraine")}, {("Russia", "sevastopol", "ukraine")}),
    # another noun conjoined to the act is another thing: its territory is not the act's
    ("Ivan Petrenko said Moscow wants recognition of Sevastopol as Russian and a freeze of the front in Kherson.",
     {("Ivan Petrenko", "sevastopol", "russia")}, {("Ivan Petrenko", "kherson", "russia")}),
    # a past act told in brackets or between commas after its territory is background
    ("Anna Varga said talks on Sevastopol, annexed by Russia in 2014, were off.", set(),
     {("Anna Varga", "sevastopol", "russia")}),
    # a territory in an exception is left out of the act
    ("Ivan Petrenko said they accept the whole text, except for the clause on Sevastopol (annexed by Russia in 2014).",
     set(), {("Ivan Petrenko", "sevastopol", "russia")}),
])
def test_obliged_conjoined_background_and_excepted(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not unwanted & claims, claims


def test_a_dispute_of_another_thing_in_a_conjoined_clause_does_not_turn_the_act(extractor):
    # "illegal" is said of the annexations denounced; the refusal to recognise is a refusal all the same
    _, _, _, claims = run(extractor, "Moscow seized Kherson and Luhansk in 2022. Ukraine has denounced the "
                                     "annexations as an illegal land grab and says it will never recognise them.")
    assert {("Ukraine", "kherson", "ukraine"), ("Ukraine", "luhansk", "ukraine")} <= claims, claims
    assert not {c for c in claims if c[0] == "Ukraine" and c[2] == "independent"}, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # X's territory as what an act itself is on stands for the territories the article's acts named
    ("Title. Moscow annexed Kherson and Luhansk in 2022. Anna Varga said Westland will never recognise "
     "Russia's claims to Ukrainian territory.",
     {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")},
     {("Anna Varga", "kherson", "russia"), ("Anna Varga", "luhansk", "russia")}),
    ("Title. Moscow annexed Kherson and Luhansk in 2022. Ivan Petrenko said Westland rejects Russia's "
     "sovereignty over Ukrainian land.",
     {("Ivan Petrenko", "kherson", "ukraine"), ("Ivan Petrenko", "luhansk", "ukraine")}, set()),
    # but a part of it is no act on it
    ("Title. Moscow annexed Kherson and Luhansk in 2022. Anna Varga said Russia had seized parts of Ukrainian "
     "territory.", set(), {("Anna Varga", "kherson", "ukraine"), ("Anna Varga", "luhansk", "ukraine")}),
])
def test_a_state_s_territory_as_the_object_of_an_act(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not unwanted & claims, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # a territory locating the act's territories ("in V") is not one of its own
    ("Title. Moscow recognized the enclaves of Donetsk and Luhansk in Donbas as independent states.",
     {("Russia", "donetsk", "independent"), ("Russia", "luhansk", "independent")},
     {("Russia", "donbas", "independent")}),
    # but the place of an act that names no other territory is what it is about
    ("Title. The European Union denounced the sham referendums in Kherson and Zaporizhzhia.",
     {("European Union", "kherson", "ukraine"), ("European Union", "zaporizhzhia", "ukraine")}, set()),
    # "the Russian-annexed T" describes it: background, nobody's claim outside quotation marks
    ("Title. Anna Varga has pledged to do all she can to recover the Russian-annexed Crimean peninsula.",
     set(), {("Anna Varga", "crimea", "russia")}),
])
def test_located_and_described_territories(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not unwanted & claims, claims


@pytest.mark.parametrize("text,expected,unwanted", [
    # a recognised holding named with its holder is the holder's, whatever words after it say of the lands
    ("Title. Anna Varga said Westland does not recognize the Russian occupation of Sevastopol and other "
     "territories of Ukraine.", {("Anna Varga", "sevastopol", "ukraine")}, {("Anna Varga", "sevastopol", "russia")}),
    ("Title. Ivan Petrenko said Ruritania recognises Russia's control over Sevastopol.",
     {("Ivan Petrenko", "sevastopol", "russia")}, set()),
    # a past recognition in a relative clause after the territories is background
    ("Title. Anna Varga called parts of Donetsk and Luhansk, which Moscow has recognized as republics, "
     "quasi-states that Westland will not recognize.", set(),
     {("Anna Varga", "donetsk", "independent"), ("Anna Varga", "luhansk", "independent")}),
])
def test_recognised_holdings_and_past_recognitions(extractor, text, expected, unwanted):
    _, _, _, claims = run(extractor, text)
    assert expected <= claims and not unwanted & claims, claims


@pytest.mark.parametrize("text,expected", [
    # what an act amounts to is said of it: a dispute there turns it
    ("Title. Anna Varga said the annexation of Kherson constitutes a violation of international law.",
     {("Anna Varga", "kherson", "ukraine")}),
    ("Title. Ivan Petrenko said any attempt to annex Luhansk would mean a violation of the Charter.",
     {("Ivan Petrenko", "luhansk", "ukraine")}),
    ("Title. Anna Varga said the annexation of Kherson means a new era.", {("Anna Varga", "kherson", "russia")}),
])
def test_what_an_act_amounts_to(extractor, text, expected):
    _, _, _, claims = run(extractor, text)
    assert claims == expected, claims
