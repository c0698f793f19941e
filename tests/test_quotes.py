from nutgraf.extractors import entities, quotes


def attributed(parse, text):
    doc = parse(text)
    found = entities.extract(doc)
    names = {e.id: e.name for e in found}
    return [
        (q.kind, q.text, names.get(q.speaker or ""), q.speaker_text, q.cue)
        for q in quotes.extract(doc, found)
    ]


def direct(parse, text):
    return [q for q in attributed(parse, text) if q[0] == "direct"]


def test_a_quote_split_around_its_cue_and_a_second_quote_without_one(parse):
    text = (
        'Prime Minister Junichiro Koizumi spoke on Tuesday.\n\n"We played a major role," '
        'Koizumi said. "We won the appreciation of the Iraqi people."'
    )
    assert direct(parse, text) == [
        ("direct", "We played a major role", "Junichiro Koizumi", "Koizumi", "said"),
        (
            "direct",
            "We won the appreciation of the Iraqi people.",
            "Junichiro Koizumi",
            "Koizumi",
            None,
        ),
    ]


def test_he_said_is_resolved_to_the_person_in_focus(parse):
    text = (
        "Koizumi heads to Washington for a summit with President Bush in late June.\n\n"
        '"The alliance has never changed and will not change," he said.'
    )
    assert direct(parse, text) == [
        ("direct", "The alliance has never changed and will not change", "Koizumi", "he", "said")
    ]


def test_cue_before_the_quote_with_a_colon(parse):
    text = 'Senator Maria Lopez said: "We will not vote for this budget as it stands."'
    assert direct(parse, text)[0][2:] == ("Maria Lopez", "Senator Maria Lopez", "said")


def test_inverted_cue_said_name(parse):
    text = '"The plan is dead," said Mayor Elena Marsh, who opposed it from the start.'
    quote = direct(parse, text)[0]
    assert quote[1] == "The plan is dead"
    assert quote[2] == "Elena Marsh"


def test_curly_marks_and_apostrophes(parse):
    text = "“It’s the city’s last chance to get this right,” Marsh said of the council’s vote."
    assert direct(parse, text) == [
        ("direct", "It’s the city’s last chance to get this right", "Marsh", "Marsh", "said")
    ]


def test_a_quote_running_over_paragraphs(parse):
    text = (
        'Finch, a councilman, spoke first. "We owe them a wall that holds.\n\n'
        '"And we owe them the truth about what it costs," Finch said.'
    )
    quotes_found = direct(parse, text)
    assert len(quotes_found) == 1
    assert quotes_found[0][1].startswith("We owe them a wall that holds.")
    assert quotes_found[0][1].endswith("what it costs")
    assert quotes_found[0][2] == "Finch"


def test_an_unclosed_quote_ends_with_its_paragraph(parse):
    text = '"This is not over, the mayor told us that night.\n\nThe council meets again on Monday.'
    quotes_found = direct(parse, text)
    assert quotes_found[0][1] == "This is not over, the mayor told us that night."


def test_a_paragraph_that_is_all_quote_continues_the_previous_speaker(parse):
    text = (
        '"We cannot wait," Marsh said.\n\n"Every storm season costs us more than the wall would."'
    )
    assert [q[2] for q in direct(parse, text)] == ["Marsh", "Marsh"]


def test_short_unattributed_quotes_are_not_quotations(parse):
    assert direct(parse, 'The film "Titanic" was shown at the "festival" last week.') == []


def test_reported_speech_with_named_and_anonymous_speakers(parse):
    text = (
        "Defense chief Fukushiro Nukaga ordered the withdrawal and said it would take weeks.\n\n"
        "The government will now look at expanding air operations, officials said."
    )
    found = [q for q in attributed(parse, text) if q[0] == "indirect"]
    assert found[0][:3] == ("indirect", "it would take weeks", "Fukushiro Nukaga")
    assert found[1][1] == "The government will now look at expanding air operations"
    assert found[1][2:4] == (None, "officials")


def test_according_to(parse):
    text = "About 140 homes were flooded in the storm, according to the city's emergency office."
    found = attributed(parse, text)
    assert found == [
        (
            "indirect",
            "About 140 homes were flooded in the storm",
            None,
            "the city's emergency office",
            "according to",
        )
    ]


def test_belief_and_intent_are_attributed(parse):
    found = attributed(parse, "Koizumi has made clear he hoped the mission would open the door.")
    assert found[0][1:4] == ("the mission would open the door", "Koizumi", "he")


def test_offsets_point_into_the_text(parse):
    text = '"We won," Marsh said. Officials said the count was over. "Next year," she added.'
    doc = parse(text)
    for quote in quotes.extract(doc, entities.extract(doc)):
        assert text[quote.start : quote.end] == quote.text
        if quote.speaker_start is not None:
            assert text[quote.speaker_start : quote.speaker_end] == quote.speaker_text
        if quote.cue_start is not None:
            assert text[quote.cue_start : quote.cue_end] == quote.cue


def test_she_said_goes_to_the_woman_in_focus(parse):
    text = (
        "Justice Ruth Bader Ginsburg criticised Donald Trump in an interview. Trump called on "
        'her to resign.\n\n"He has no consistency about him," she said.'
    )
    assert direct(parse, text)[0][2] == "Ruth Bader Ginsburg"


def test_a_spokesman_is_not_the_person_he_speaks_for(parse):
    found = attributed(parse, "Cameron's spokesman said the prime minister stood by his words.")
    assert found[0][2:4] == (None, "Cameron's spokesman")


def test_what_was_not_said_is_not_reported_speech(parse):
    text = (
        "Sanders hasn't said whether he will endorse the nominee. The senator declined to say "
        "whether he would vote for the bill. Sanders has 1,300 pledged delegates."
    )
    assert attributed(parse, text) == []


def test_a_programme_title_is_not_a_quote(parse):
    text = 'Sanders told "Good Morning America" that he agrees with the ruling.'
    assert direct(parse, text) == []


def test_paragraphs_joined_by_a_scraper_keep_one_quote(parse):
    text = (
        '"It is just more bitter and personal," the defender said. "There\'s an edge. '
        '"After all that has happened, it will be one of our sweetest wins." Last October, '
        "Arsenal lost at Old Trafford."
    )
    quotes_found = direct(parse, text)
    assert [q[1][:20] for q in quotes_found] == ["It is just more bitt", "There's an edge. \"Af"]
    assert all("Last October" not in q[1] for q in quotes_found)


def test_a_partial_quote_inside_a_sentence(parse):
    found = attributed(parse, 'The mayor called the plan "a disaster" on Monday.')
    assert found == [("indirect", 'the plan "a disaster"', None, "The mayor", "called")]
    found = attributed(parse, 'Mayor Elena Marsh said: "a disaster."')
    assert found == [("direct", "a disaster.", "Elena Marsh", "Mayor Elena Marsh", "said")]


def test_a_quote_inside_a_quote(parse):
    text = '"I heard him say "never" twice, and I believed him," she said.'
    assert [q[1] for q in direct(parse, text)] == [
        'I heard him say "never" twice, and I believed him'
    ]


def test_reporting_verbs_of_many_kinds(parse):
    text = (
        "Ortiz told reporters the deal was dead. The minister warned that prices would rise. "
        "Lopez denied that she had met the donor. Chen insisted the vote was fair. "
        "The company announced it would close two plants."
    )
    cues = [q[4] for q in attributed(parse, text)]
    assert cues == ["told", "warned", "denied", "insisted", "announced"]


def test_belief_and_intent_with_their_holder(parse):
    found = attributed(parse, "The senator believes the bill will pass. Voters want lower taxes.")
    assert found[0][1:] == ("the bill will pass", None, "The senator", "believes")


def test_a_description_resolves_to_the_titled_person(parse):
    text = (
        "Senator Maria Lopez voted against the bill on Tuesday. "
        '"It is a bad law," the senator said.'
    )
    assert direct(parse, text)[0][2:4] == ("Maria Lopez", "the senator")


def test_a_clause_quoting_a_few_words_is_one_attribution(parse):
    found = attributed(parse, 'Ryan said all Americans must engage in "more listening" now.')
    assert found == [
        ("indirect", 'all Americans must engage in "more listening" now', "Ryan", "Ryan", "said")
    ]


def test_a_spokesman_for_an_embassy_stays_anonymous(parse):
    found = attributed(parse, "A spokesman for the embassy said the visit had been cancelled.")
    assert found[0][2:4] == (None, "A spokesman for the embassy")


def test_the_cue_keeps_its_auxiliaries_and_particle(parse):
    found = attributed(parse, "The union has called for a strike over the new pay deal.")
    assert found[0][4] == "has called for"


def test_a_claim_that_is_attributed_to_its_owner(parse):
    found = attributed(parse, "Critics rejected Hillary Clinton's claim that the emails were safe.")
    assert (
        "indirect",
        "that the emails were safe",
        "Hillary Clinton",
        "Hillary Clinton",
        "claim",
    ) in found
    made = attributed(parse, "Senator Ted Cruz made the claim that the deal would fail.")
    assert made == [
        ("indirect", "that the deal would fail", "Ted Cruz", "Senator Ted Cruz", "claim")
    ]
    assert attributed(parse, "The claim that he made was false.") == []


# Who said it, right (issue #15) ------------------------------------------------------------


def speakers_of(parse, text):
    return [(q[1], q[2]) for q in direct(parse, text)]


def test_a_person_named_inside_a_quote_is_not_the_next_speaker(parse):
    text = (
        "Mary Collins grew up in a Republican family in Ohio.\n\n"
        '"Ronald Reagan would not recognise the party today," she said.'
    )
    assert speakers_of(parse, text) == [
        ("Ronald Reagan would not recognise the party today", "Mary Collins")
    ]


def test_he_is_the_main_clause_subject_not_one_named_in_what_was_reported(parse):
    text = (
        "Ed Barker told the committee that Tom Fisher would lose his seat.\n\n"
        '"This is a big change in our politics," he said.'
    )
    assert speakers_of(parse, text) == [("This is a big change in our politics", "Ed Barker")]


def test_doubled_apostrophes_are_quotation_marks(parse):
    text = (
        "The plan was criticised on Monday.\n\n"
        "''It seems totally backward,'' said Mark Thurber, a researcher at Stanford."
    )
    assert speakers_of(parse, text) == [("It seems totally backward", "Mark Thurber")]


def test_a_role_before_a_full_name_is_not_part_of_the_name(parse):
    text = (
        "Assemblywoman Claudia Tenney spoke on the radio on Saturday.\n\n"
        '"I am not afraid to stand up to the establishment," Tenney said.'
    )
    assert speakers_of(parse, text) == [
        ("I am not afraid to stand up to the establishment", "Claudia Tenney")
    ]


def test_mrs_howard_said_is_not_michael_howard(parse):
    text = (
        "Michael Howard spoke to party members on Friday.\n\n"
        '"He has worked very hard for this seat," Mrs Howard said.'
    )
    assert speakers_of(parse, text) == [("He has worked very hard for this seat", "Howard")]


def test_each_attribution_says_whether_it_is_speech_belief_or_stance(parse):
    doc = parse(
        "Anna Berg said that the plan would cost more than expected. Tom Fisher believes the "
        "council acted too late. Mary Collins called for an inquiry into the vote."
    )
    found = {q.cue: q.mode for q in quotes.extract(doc, entities.extract(doc))}
    assert found == {"said": "speech", "believes": "belief", "called for": "stance"}


def test_a_parenthetical_cue_reports_the_clause_it_interrupts(parse):
    text = "Mary Collins runs the shop.\n\nThe plan has flaws, she says, and will cost more."
    found = [q for q in attributed(parse, text) if q[0] == "indirect"]
    assert [q[1] for q in found] == ["The plan has flaws", "and will cost more"]
    assert {(q[2], q[4]) for q in found} == {("Mary Collins", "says")}


def test_a_name_and_a_colon_introduce_a_quote(parse):
    text = (
        "The result did not surprise everyone.\n\n"
        'Republican pollster Daron Shaw: "Lesser-known candidates often beat favourites early."'
    )
    assert speakers_of(parse, text) == [
        ("Lesser-known candidates often beat favourites early.", "Daron Shaw")
    ]
