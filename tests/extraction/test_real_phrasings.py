"""Phrasings met in real news passages (issue 11), each written here in our own words: what
extraction must read in them, and what it must not."""

from __future__ import annotations

import pytest

from lossledger.extraction import extract
from lossledger.extraction.tokens import NUM, split_sentences, tokenize

GS = "general-staff"


def _claims(text: str, language: str) -> set[tuple[str, str, str, int]]:
    return {(c.source, c.metric, c.kind, c.value) for c in extract(text, language=language).claims}


@pytest.mark.parametrize(
    "text, language, weekday",
    [
        ("On Tuesday, Ukraine's General Staff said 1,030 Russian troops died over the past day.", "en", 1),
        # a Persian weekday typed with a space instead of the zero-width non-joiner
        ("ستاد کل ارتش اوکراین روز سه شنبه اعلام کرد 1030 نظامی روس در 24 ساعت گذشته کشته شدند.", "fa", 1),
        ("ستاد کل ارتش اوکراین روز شنبه اعلام کرد 1030 نظامی روس در 24 ساعت گذشته کشته شدند.", "fa", 5),
    ],
)
def test_the_weekday_of_an_undated_text(text: str, language: str, weekday: int) -> None:
    assert extract(text, language=language).weekday == weekday
    assert extract(text, language=language, published="2023-02-07").weekday is None


def test_words_that_only_look_like_dates() -> None:
    """ "mar" is the sea, not March or Tuesday; "So" is "so", not Sunday; "a 26 de novembro" far
    from the figures dates nothing."""
    sea = (
        "Según el Ministerio de Defensa ucraniano, Rusia ha perdido 435 aviones. En el mar, Rusia ha perdido 28 barcos."
    )
    assert (GS, "ships", "total", 28) in _claims(sea, "es")
    so = "So meldet es der ukrainische Generalstab: Russland hat mehr als eine Million Soldaten verloren."
    assert extract(so, language="de", published="2025-09-06").as_of.isoformat() == "2025-09-06"
    far = (
        "O Estado-Maior informou que a Rússia perdeu quase um milhão de soldados.\n"
        "Nem a Ucrânia nem a Rússia divulgam as próprias perdas.\n"
        "A vice-ministra falou do tema numa mesa redonda a 26 de novembro de 2024."
    )
    assert extract(far, language="pt").as_of is None


def test_a_pronoun_sharing_a_number_words_lemma_is_no_number() -> None:
    """Romanian "mie" (thousand) and "noi" (we) share the lemma "eu": only "mie" is a number."""
    assert not extract("Rusia a mobilizat noi soldați în decembrie.", language="ro").claims
    assert [c.value for c in extract("Rusia a pierdut o mie de soldați ieri.", language="ro").claims] == [1000]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Как сообщили в Минобороны России, ВСУ с 2022 года потеряли 26 348 танков.", "ru"),
        ("Минобороны России: Вооруженные силы Украины (ВСУ) с начала СВО (СВО) лишились 100 082 беспилотников.", "ru"),
        ("На брифинге Министерства обороны России сообщили: уничтожено 100 082 беспилотника.", "ru"),
        ("Zabitych lub rannych zostało do 120 tys. żołnierzy Ukrainy, szacują urzędnicy.", "pl"),
        (
            "Seit Beginn der russischen Militäroperation soll die ukrainische Armee mehr als 1,5 Millionen Menschen "
            "verloren haben. Das erklärte ein russischer General.",
            "de",
        ),
        ("우크라이나 당국은 지난 10일 러시아군의 주택가 공습으로 어린이 3명 포함 7명이 숨졌다고 밝혔다.", "ko"),
        (
            "به گفته نیروی هوایی اوکراین ۱۶ پهپاد شاهد رهگیری و منهدم شدند. ویتالی کلیچکو، شهردار کییف گفت که هفت "
            "فروند از این پهپادها پایتخت را هدف قرار داده بودند و دو فروند در نزدیکی شهر ساقط شدند.",
            "fa",
        ),
        ("نیروی هوایی اوکراین اعلام کرد که ۵۷ فروند از ۱۴۹ پهپاد را ساقط کرده است.", "fa"),
        (
            "Rusya Savunma Bakanlığı'na göre Ukrayna Silahlı Kuvvetleri son 24 saatte 490’dan fazla asker, 25 araç kaybetti.",
            "tr",
        ),
        ("Tarnavskyi: на Таврійському напрямку ворог за добу втратив 234 особи, повідомив Тарнавський.", "uk"),
        (
            "Der Generalstab legte am Morgen neue Zahlen vor. Das ukrainische Operationskommando Süd meldete, dass 84 "
            "russische Soldaten an der Südfront getötet wurden.",
            "de",
        ),
        (
            "Az ukrán vezérkar reggel közölte az adatokat. Az ukrán légvédelem szerint az éjjel 18 drónt lőttek le.",
            "hu",
        ),
        ("在哈尔科夫方向，俄军歼灭乌军约40人，击毁3辆装甲战车和2辆汽车。", "zh"),
        # a think tank speaks, though it is named at the end of a long sentence after the figure
        (
            "Glavni stožer ukrajinske vojske svakog jutra objavljuje nove podatke.\n\nGotovo četiri godine od "
            "početka rata, Rusija je izgubila oko 1,1 milijun vojnika koji su ubijeni, ranjeni ili nestali, što je "
            "stopa gubitaka kakva nije viđena od Drugog svjetskog rata, navodi se u novoj studiji jednog uglednog "
            "think-tanka.",
            "hr",
        ),
        (
            "Ushtria ukrainase publikon çdo ditë shifrat e saj. Megjithatë, vlerësimet e kujdesshme të SHBA javën e "
            "kaluar thanë se më shumë se 8,000 trupa ruse ishin vrarë në më pak se tre javë.",
            "sq",
        ),
        # "on the Ukrainian side" is a side, not the speaker "the Ukrainian side"; Kyiv's own soldiers
        (
            "El informe de un centro de estudios de Washington calcula 330.000 soldados rusos muertos, con hasta "
            "150.000 muertos en el lado ucraniano.",
            "es",
        ),
        (
            "Il capo delle Forze Armate ucraine, generale Valerii Zaluzhnyi, confermava la morte di quasi 9.500 "
            "soldati di Kiev dall'inizio dell'invasione.",
            "it",
        ),
        # troop strengths: active soldiers and soldiers deployed at the border
        (
            "Potrivit unei surse militare, armata ucraineană, care avea 180.000 de soldaţi activi şi 90.000 de "
            "rezervişti la începutul războiului, a crescut. Înainte de invazie, între 160.000 şi 190.000 de soldaţi "
            "ruşi au fost dislocaţi la graniţe, potrivit estimărilor occidentale.",
            "ro",
        ),
        (
            "Generálny štáb zverejnil nové údaje. Za týždeň jednotky tavrijskej operačno-strategickej skupiny zničili "
            "455 Rusov a dva tanky.",
            "sk",
        ),
    ],
)
def test_figures_that_are_not_the_general_staffs(text: str, language: str) -> None:
    """Ukraine's losses in Russia's MoD's words (its forces the subject of "lost", across a year,
    an abbreviation in brackets or a case ending; the ministry in the genitive; Ukraine owning the
    noun; its army destroying Ukraine's), a front sector's or operational group's command, the
    air defence's own count, a think tank, a US estimate and troop strengths: none is the General
    Staff's."""
    assert not [c for c in _claims(text, language) if c[0] == GS]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "За даними українських військових, втрати Росії склали 1 175 030 осіб.",
            "uk",
            (GS, "personnel", "total", 1175030),
        ),
        (  # "estimates", a present-tense word of saying, makes the country the speaker
            "Kyiv's losses are unknown, but Ukraine estimates that 18,900 Russian soldiers have died so far.",
            "en",
            (GS, "personnel", "total", 18900),
        ),
        (  # named after "laut", the General Staff speaks; it is not the side that loses
            "Das russische Verteidigungsministerium schweigt dazu.\nLaut Generalstab verlieren die Russen "
            "jeden Tag viele Soldaten. Seit Kriegsbeginn summieren sich die Verluste der russischen Armee "
            "auf rund 1.101.610 Mann.",
            "de",
            (GS, "personnel", "total", 1101610),
        ),
        (  # a ministry after "with" is a party to a contract, not the speaker of what follows
            "Im zweiten Quartal unterzeichneten nur 37.900 Personen einen Vertrag mit dem russischen "
            "Verteidigungsministerium.\nLaut Generalstab belaufen sich die Verluste der russischen Armee "
            "inzwischen auf rund 1.101.610 Soldaten.",
            "de",
            (GS, "personnel", "total", 1101610),
        ),
        (
            "У другому кварталі контракт з Міноборони РФ уклали лише 37,9 тисячі осіб.\nТільки за минулу добу "
            "противник втратив на фронті 1070 солдатів.",
            "uk",
            ("other", "personnel", "increase", 1070),
        ),
        (  # a country before ", que" and a word of saying speaks for the relative clause
            "La cifra está muy lejos de la que da cada día Ucrania, que aseguraba este miércoles haber dejado "
            "fuera de combate a 5.840 soldados rusos.",
            "es",
            (GS, "personnel", "total", 5840),
        ),
        (  # "total casualties" names the figure that "to" brings them to
            "ستاد کل ارتش اوکراین اعلام کرد روسیه در ۲۴ ساعت گذشته ۱۲۰۰ سرباز از دست داده و مجموع تلفات به ۹۵۰ هزار "
            "رسیده است.",
            "fa",
            (GS, "personnel", "total", 950000),
        ),
        (  # the armed forces in the nominative, a word the vocabulary also begins other phrases with
            "Siły Zbrojne Ukrainy podały, że Rosja straciła w ciągu ostatniej doby 1200 żołnierzy.",
            "pl",
            (GS, "personnel", "increase", 1200),
        ),
        (  # where the verb closes the clause: the term, its word of loss, the number, the verb
            "Ukrayna Genelkurmayına göre Rusya'nın toplam asker kaybı 950 bine ulaştı.",
            "tr",
            (GS, "personnel", "total", 950000),
        ),
        (  # a headline's country before its colon speaks
            "أوكرانيا: مقتل 73 ألف جندي روسي منذ فبراير",
            "ar",
            (GS, "personnel", "total", 73000),
        ),
        (  # Russia before the source in its clause is the side that lost, not the source
            "Die Gesamtzahl der Soldaten, die Russland nach Angaben der Ukraine verloren haben soll, stieg damit "
            "auf 207.440.",
            "de",
            (GS, "personnel", "total", 207440),
        ),
        (  # a list of what befell them goes on past the comma after "wounded"
            "Über 12.000 russische Soldaten sind nach ukrainischen Angaben verwundet, gefangen genommen "
            "oder getötet worden.",
            "de",
            (GS, "personnel", "total", 12000),
        ),
        (  # the speaker is the US side ("미국 측"), not the General Staff named before
            "우크라이나 총참모부는 러시아군 사상자가 모두 30만5090명이라고 밝혔다. 미국 측은 러시아군 12만 명이 "
            "숨지고 18만 명이 다친 것으로 본다.",
            "ko",
            ("other", "personnel", "total", 180000),
        ),
        (
            "Lo Stato maggiore riferisce che le truppe di Kiev hanno eliminato 730 militari.",
            "it",
            (GS, "personnel", "increase", 730),
        ),
        (
            "Der Quelle zufolge hat die ukrainische Armee vom 24. Februar 2022 bis zum 10. Oktober 2024 schon "
            "2.386 russische Kampfpanzer zerstört.",
            "de",
            (GS, "tanks", "total", 2386),
        ),
        (
            "Het Oekraïense ministerie van Defensie meldt dat sinds het begin van de invasie in februari vorig jaar "
            "zo'n 190.000 Russische soldaten zijn omgekomen.",
            "nl",
            (GS, "personnel", "total", 190000),
        ),
        # two countries speak in one sentence: each for the figure beside its own word of saying
        (
            "Die Ukraine spricht von bis zu 13.500 getöteten Soldaten, Russland dagegen meldet nur rund 500 Tote.",
            "de",
            (GS, "personnel", "total", 13500),
        ),
        # "w tej wojnie" (in this war) is no "w tym" (of which): a total of the war, not a day's loss
        (
            "Według Sztabu Generalnego rosyjskie straty w tej wojnie wynosiły na piątek 74 840 żołnierzy.",
            "pl",
            (GS, "personnel", "total", 74840),
        ),
        # a group typed with one digit too many is read whole (and checked as the outlet's error)
        (
            "The General Staff said 1,1104 battle tanks and 502 artillery systems were destroyed.",
            "en",
            (GS, "tanks", "total", 11104),
        ),
        # the figure after "up from" is the total before, however close "the previous day" stands
        (
            "The General Staff put Russia's losses at 109,720 since the invasion began. The figure was up from the "
            "108,190 Russian combat losses reported the previous day.",
            "en",
            (GS, "personnel", "total", 108190),
        ),
        # the term before "was put at" names the figure after it
        (
            "The General Staff said the number of destroyed Russian tanks was put at 5,513.",
            "en",
            (GS, "tanks", "total", 5513),
        ),
        # "the ministry" does not take the head of "the Ministry of Defense of Ukraine"
        (
            "Photo: Russian Defense Ministry Press Service\n\nAccording to the Ministry of Defense of Ukraine, Russia "
            "also lost 33 armored fighting vehicles today.",
            "en",
            (GS, "afv", "increase", 33),
        ),
        (
            "Les forces ukrainiennes ont détruit 67 obusiers russes en une journée, selon l'état-major.",
            "fr",
            (GS, "artillery", "increase", 67),
        ),
        # Moscow that "saw the destruction of" tanks is the side that lost, not a Russian speaker
        (
            "Der Generalstab der Ukraine berichtet, dass Moskau die Zerstörung von 9.115 Panzern erlebt hat.",
            "de",
            (GS, "tanks", "total", 9115),
        ),
        # an early-war list: "autocisterne" alone are the fuel tanks, a category of their own then
        (
            "Secondo lo Stato Maggiore ucraino la Russia ha perso finora 1270 automezzi, 8 navi e 81 autocisterne.",
            "it",
            (GS, "fuel_tanks", "total", 81),
        ),
        # a side's adjective with its word for soldiers speaks, however its verb takes "losses" after it
        (
            "Украинские военные оценивают потери российской армии в 13 тыс. солдат. Минобороны России называло "
            "498 погибших.",
            "ru",
            (GS, "personnel", "total", 13000),
        ),
        # a bulleted line whose label carries "за добу" before its dash: the figure its day's loss is
        # bracketed after is the total
        (
            "Генштаб ЗСУ оновив втрати ворога:\n  • артилерійські системи – 12 020 (+38 за добу)\n  • БпЛА "
            "оперативно-тактичного рівня за добу – 9 512 (+41 за добу)\n  • крилаті ракети – 2 166",
            "uk",
            (GS, "uav", "total", 9512),
        ),
        # the adjective made a noun by its article speaks ("the Ukrainians speak of")
        (
            "Las autoridades rusas reconocen sólo 5.937 caídos, aunque los ucranianos hablan de unas 210.000 bajas.",
            "es",
            (GS, "personnel", "total", 210000),
        ),
        # Moscow that "goes on speaking of" a figure speaks
        (
            "Kiev fait état de 141.000 morts dans l'armée russe.\nDe son côté, Moscou continue à parler de 5900 "
            "soldats tués dans ses rangs.",
            "fr",
            ("russian-mod", "personnel", "total", 5900),
        ),
        # a word of taking prisoner before the number: prisoners, not losses of people
        (
            "Rzecznik Sztabu Generalnego dodał, że siły ukraińskie wzięły do niewoli ponad 210 Rosjan.",
            "pl",
            (GS, "pow", "total", 210),
        ),
        # "se calculan en" (amount to) heads a statement list; only "se calcula que" is an estimate
        (
            "El Estado Mayor General ucraniano difundió su parte a las 08:00.\nSegún los datos oficiales, las "
            "pérdidas acumuladas de Rusia desde la invasión se calculan en:\n• Efectivos: 1.258.900 (+1.020)\n"
            "• Tanques: 11.690 (+6)",
            "es",
            (GS, "tanks", "total", 11690),
        ),
        # a CIA director named with an initial: the full stop after it ends no sentence
        (
            "Ukrinform kertoi Ukrainan tuhonneen 300 panssarivaunua, kun taas CIA:n johtaja William J. Burns "
            "arvioi 16 000 venäläissotilaan kuolleen.",
            "fi",
            ("other", "personnel", "total", 16000),
        ),
        # a Finnish participle of reported speech and "eliminated" with its possessive suffix
        (
            "Ukrinform kertoi Ukrainan väittäneen eliminoineensa yli 55 000 venäläissotilasta.",
            "fi",
            (GS, "personnel", "total", 55000),
        ),
    ],
)
def test_whose_figures_and_which_kind(text: str, language: str, expected: tuple[str, str, str, int]) -> None:
    """ "According to the Ukrainian military" names a speaker, not a side that lost; Ukraine's
    troops that eliminated are no losers; a range from the war's first day is a total; "February
    last year" is a date, not a year's period; and the phrasings commented in the list."""
    assert expected in _claims(text, language)


def test_a_daily_average_across_a_year() -> None:
    text = "La media diaria de bajas rusas durante octubre de 2025 fue 1.008, según el Estado Mayor ucraniano."
    assert [c.source for c in extract(text, language="es").claims] == ["other"]


def test_statement_lines_and_lists() -> None:
    """A line whose wording the vocabulary knows only by its first word; a "(+0)" after a number
    with no noun; a list opened by a sentence that names its speaker; a sentence's opening noun
    before a colon."""
    lines = (
        "The General Staff reports:\ntanks — 9,120 (+7) units,\nRSZV — 1,240 (+0) units,\n"
        "UAVs of the operational-tactical level — 17,867 (+68) units,\n"
    )
    got = _claims(lines, "en")
    assert {(GS, "uav", "total", 17867), (GS, "uav", "increase", 68)} <= got
    assert (GS, "tanks", "increase", 0) not in got
    listed = "Selon l'état-major ukrainien, en 2025, les russes ont perdu :\n– 1 816 chars,\n– 331 lance-roquettes multiples."
    assert {(c.source, c.value) for c in extract(listed, language="fr").claims} == {(GS, 1816), (GS, 331)}
    colon = "Les véhicules blindés de combat suivent la même trajectoire : 23 928 détruits, selon l'état-major."
    assert (GS, "afv", "total", 23928) in _claims(colon, "fr")


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Laut Generalstab haben gepanzerte Kampffahrzeuge, Artilleriesysteme, Raketensysteme und weiteres Gerät "
            "Schaden genommen – es handelt sich um 22.567, 28.067 bzw. 1.388 Einheiten.",
            "de",
            [("afv", 22567), ("artillery", 28067), ("mlrs", 1388)],
        ),
        (
            "The General Staff said Russia lost 300 and 500 tanks and armoured vehicles respectively.",
            "en",
            [("tanks", 300), ("afv", 500)],
        ),
    ],
)
def test_nouns_and_numbers_respectively(text: str, language: str, expected: list[tuple[str, int]]) -> None:
    assert [(c.metric, c.value) for c in extract(text, language=language).claims] == expected


def test_the_minutes_of_a_time_are_no_figure() -> None:
    got = extract("Aktualizované 8:31. Rusko podľa generálneho štábu stratilo 31 tankov.", language="sk")
    assert [(c.metric, c.value) for c in got.claims] == [("tanks", 31)]
    assert [i.reason for i in got.ignored] == ["time of day", "time of day"]


@pytest.mark.parametrize(
    "text, language",
    [
        ("Зеленський: втрати ЗСУ становлять кілька десятків тисяч загиблих, а поранених – кілька сотень тисяч.", "uk"),
        ("Zelensky said Ukraine had lost a few hundred thousand soldiers, wounded or killed.", "en"),
        ("Według Kijowa Rosja straciła kilkaset tysięcy żołnierzy.", "pl"),
        ("Selon Kiev, la Russie a perdu plusieurs centaines de milliers de soldats.", "fr"),
    ],
)
def test_several_hundred_thousand_is_no_figure(text: str, language: str) -> None:
    """ "Several" or "a few" before a scale word makes it as vague as the scale word alone."""
    assert not [c for c in extract(text, language=language).claims if c.metric == "personnel"]


def test_speaks_of_more_than_is_a_qualifier_not_a_new_loss() -> None:
    """ "parle de plus de 5300": "de plus" (more, a new loss) overlaps "plus de" (more than)."""
    text = "L'état-major ukrainien parle de plus de 5300 soldats russes tués depuis le début de l'invasion."
    [claim] = extract(text, language="fr").claims
    assert (claim.kind, claim.value, claim.qualifier) == ("total", 5300, "more_than")


def test_a_few_hundred_written_in_digits_keeps_its_qualifier() -> None:
    # "quelques 400 000": about 400,000, a figure
    assert (GS, "personnel", "total", 400000) in _claims(
        "Selon l'état-major ukrainien, la Russie a perdu quelques 400 000 soldats depuis le début de la guerre.", "fr"
    )


def test_a_country_after_the_noun_where_the_owner_comes_first_is_a_place() -> None:
    """Finnish puts the owner before its noun ("Ukrainan sotilaat"): "sotilasta Ukrainassa" is
    soldiers in Ukraine, Russia's loss, not Ukraine's."""
    text = "Venäjä on menettänyt 1 114 380 sotilasta Ukrainassa sodan alusta lähtien, kertoi Ukrainan armeijan yleisesikunta."
    assert (GS, "personnel", "total", 1114380) in _claims(text, "fi")
    # killed and wounded in the partitive is no count of wounded alone
    text = "Ukrainan pääesikunnan mukaan Venäjän tappiot ovat noin 493 690 kaatunutta ja haavoittunutta."
    assert (GS, "personnel", "total", 493690) in _claims(text, "fi")


def test_a_spokesman_named_once_speaks_for_his_source_when_named_again() -> None:
    """The General Staff's spokesman is introduced by role and name; the figure's sentence names
    only his surname: the figure is named as the General Staff's (so ``check`` never gives it to
    the President, whose count of Ukraine's dead follows)."""
    text = (
        "Як пояснив речник Генштабу Андрій Степаненко, відомство щодня оновлює дані.\n"
        "«Станом на ранок загальні втрати окупантів становлять 412 400 осіб», – додав Степаненко.\n"
        "ДОВІДКА: президент України Володимир Зеленський озвучив втрати обох армій."
    )
    [claim] = [c for c in extract(text, language="uk").claims if c.value == 412400]
    assert (claim.source, claim.named_source) == (GS, True)


def test_a_qualifier_after_including_keeps_the_part_of_the_figure_before() -> None:
    text = "According to Kyiv's count, 710,660 Russian soldiers have been killed or injured, including just under 41,000 for October."
    assert (GS, "personnel", "increase", 41000) in _claims(text, "en")


def test_a_term_a_compound_verb_before_the_word_that_brings_its_figure() -> None:
    """ "les pertes de chars russes sont passées à 3 736": the tanks, not the armoured vehicles
    named after the number (the next item's); a speaker between keeps the term from binding."""
    text = "Selon Kiev, les pertes de chars russes sont passées à 3 736 et de véhicules blindés à 7 275."
    claims = _claims(text, "fr")
    assert (GS, "tanks", "total", 3736) in claims and (GS, "afv", "total", 7275) in claims


def test_units_named_by_their_kind_are_no_losses() -> None:
    """ "307 tanks, as many as 10 tank battalions": the 10 counts battalions, whose kind "tank"
    names; "four motor-rifle divisions" count divisions."""
    text = (
        "За місяць Сили оборони знищили 307 танків (еквівалентно 10 танковим батальйонам), "
        "899 броньованих машин (майже чотири мотострілецькі дивізії) та 884 артилерійські системи."
    )
    claims = _claims(text, "uk")
    assert {c[1:] for c in claims} == {
        ("tanks", "increase", 307),
        ("afv", "increase", 899),
        ("artillery", "increase", 884),
    }
    assert (GS, "tanks", "total", 10) not in _claims(
        "Russia lost 307 tanks, the equivalent of 10 tank battalions.", "en"
    )


def test_a_sentence_of_losses_names_the_period_of_the_figures_after_it() -> None:
    """The day since which the losses are counted stands in a sentence of its own; the figures
    follow with no cue ("за цей період" then names the same period)."""
    text = (
        "Головнокомандувач оприлюднив статистику втрат противника з 8 серпня. "
        "Згідно з даними, ворог втратив 17819 військовослужбовців. "
        "За цей період російська армія втратила 45 танків."
    )
    claims = {
        (c.metric, c.kind, c.value, c.period) for c in extract(text, language="uk", published="2024-10-25").claims
    }
    assert claims == {("personnel", "increase", 17819, "since:--08-08"), ("tanks", "increase", 45, "since:--08-08")}
    # a period of something else is not the losses'
    text = "Since June, Ukraine's army has carried out 350 strikes. Russia has lost 25,000 soldiers, the General Staff said."
    assert (GS, "personnel", "total", 25000) in _claims(text, "en")


def test_a_list_on_lines_of_its_own_takes_its_headers_period() -> None:
    text = (
        "Главком также подтвердил, что в течение прошлого месяца противник потерял:\n\n"
        "почти 29 тысяч военных,\n\n70 танков,\n\n65 боевых бронированных машин,\n\nболее 1050 артиллерийских систем."
    )
    claims = {(c.metric, c.kind, c.value, c.period) for c in extract(text, language="ru").claims}
    assert claims == {
        ("personnel", "increase", 29000, "P1M"),
        ("tanks", "increase", 70, "P1M"),
        ("afv", "increase", 65, "P1M"),
        ("artillery", "increase", 1050, "P1M"),
    }


def test_russias_air_force_is_the_side_that_lost_not_a_speaker() -> None:
    text = (
        "Selon l'état-major ukrainien, la Russie a perdu 8 800 chars. "
        "L'armée de l'air russe a également souffert, avec la perte de 369 avions et 328 hélicoptères."
    )
    assert {(GS, "aircraft", "total", 369), (GS, "helicopters", "total", 328)} <= _claims(text, "fr")


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (  # tanks held, named in brackets inside a sentence of losses, are no losses
            "Die Ukraine meldet 303 zerstörte russische Panzer (die russische Armee verfügt über 2860 aktive "
            "Kampfpanzer, 10.200 weitere sind eingelagert).",
            "de",
            {(GS, "tanks", "total", 303)},
        ),
        (  # those mobilised, in a clause of their own with no word of loss, are no losses
            "Попри те, що Росії вдалося мобілізувати 406 тис. осіб, її втрати за той же час склали 418 тис. "
            "солдатів, повідомив Генштаб.",
            "uk",
            {(GS, "personnel", "total", 418000)},
        ),
        (  # the army's strength before the war is no loss
            "Segundo a Ucrânia, 21.800 combatentes russos morreram. Em fevereiro, o exército da Rússia consistia de "
            "280.000 soldados ativos.",
            "pt",
            {(GS, "personnel", "total", 21800)},
        ),
        (  # "units of equipment" sums several lines: no line of the statement
            "ВСУ за сутки уничтожили 650 оккупантов, 13 артиллерийских систем и 23 единицы техники, сообщил Генштаб.",
            "ru",
            {(GS, "personnel", "increase", 650), (GS, "artillery", "increase", 13)},
        ),
        (  # a statement's own lines launch nothing: drones launched in prose around its header are an attack's
            "Nella notte la Russia ha attaccato diverse regioni con 11 droni Shahed lanciati dal territorio russo.\n"
            "Secondo lo Stato maggiore, le perdite totali in combattimento delle forze russe sono stimate in circa "
            "600.470 militari.",
            "it",
            {(GS, "personnel", "total", 600470)},
        ),
        (  # an image's credit names who took the picture, not who speaks for the figures
            "ウクライナ国防省は毎日戦果を発表しています。ロシア陸軍のT-90M戦車(画像:ロシア国防省)。10月17日時点では、"
            "戦車9004両、装甲戦闘車両1万8002両などを破壊したと報告しています。",
            "ja",
            {(GS, "tanks", "total", 9004), (GS, "afv", "total", 18002)},
        ),
        (
            "Ukraine's military published its daily update.\nA destroyed T-90M tank (Photo: Russian Defence Ministry)\n"
            "As of today, 9,004 tanks and 18,002 armoured vehicles have been destroyed since the invasion began.",
            "en",
            {(GS, "tanks", "total", 9004), (GS, "afv", "total", 18002)},
        ),
        (  # the day's share right after its noun and a comma
            "Según el último parte del Estado Mayor, han sido destruidos 2.995 tanques, siete en el último día, y "
            "5.974 vehículos blindados.",
            "es",
            {(GS, "tanks", "total", 2995), (GS, "tanks", "increase", 7), (GS, "afv", "total", 5974)},
        ),
        (  # category words news uses
            "Sztab Generalny podał, że Rosjanie utracili m.in. 12 293 czołgów i 3166 opancerzonych maszyn bojowych.",
            "pl",
            {(GS, "tanks", "total", 12293), (GS, "afv", "total", 3166)},
        ),
        (
            "Secondo lo Stato maggiore ucraino sono andati distrutti anche 18 natanti.",
            "it",
            {(GS, "ships", "total", 18)},
        ),
        (
            "Ukraine's military said Russia has lost 211 APVs since the invasion began.",
            "en",
            {(GS, "afv", "total", 211)},
        ),
    ],
)
def test_the_figures_of_a_text_are_exactly_these(
    text: str, language: str, expected: set[tuple[str, str, str, int]]
) -> None:
    """Counts beside losses that are no line of the report (forces held, mobilised, summed units,
    launched drones), speakers named only in an image's credit, and category words news uses."""
    assert _claims(text, language) == expected


def test_a_range_of_units_is_no_loss() -> None:
    text = "Rusia ha perdido más de 4.000 tanques, lo que equivale a entre 120 y 130 batallones, según Ucrania."
    assert _claims(text, "es") == {(GS, "tanks", "total", 4000)}


def test_a_number_after_and_with_its_own_period_is_the_same_kind_of_loss() -> None:
    text = "According to the ministry, Ukrainian forces destroyed 746 Russian artillery systems in January and 878 in February."
    claims = {(c.metric, c.kind, c.value) for c in extract(text, language="en", published="2024-04-02").claims}
    assert claims == {("artillery", "increase", 746), ("artillery", "increase", 878)}
    # "plus 3 more S-300 missiles": no period of its own, no elision
    text = "The enemy fired 17 cruise missiles, of which our defenders shot down 15, plus 3 more S-300 missiles."
    assert 3 not in {c.value for c in extract(text, language="en").claims if c.metric == "cruise_missiles"}


def test_a_name_inside_a_phrase_of_time_is_no_speaker() -> None:
    text = (
        "Moscow's troops have sustained around 484,030 casualties since the Kremlin launched its "
        "full-scale invasion of Ukraine, Ukraine's military said on Monday."
    )
    assert (GS, "personnel", "total", 484030) in _claims(text, "en")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Menurut Syrskii, pasukan Rusia mengalami 427.000 korban luka dan tewas pada tahun 2024.", "id"),
        ("Laut Generalstab verlor die russische Armee im Jahr 2024 insgesamt 427.000 Soldaten.", "de"),
    ],
)
def test_in_the_year_named_with_its_word_is_a_years_loss(text: str, language: str) -> None:
    """The word "year" between "in" and the year's number ("pada tahun 2024", "im Jahr 2024") still
    makes the figure that year's loss, not a total."""
    [claim] = extract(text, language=language).claims
    assert (claim.value, claim.kind, claim.period) == (427000, "increase", "P1Y")


@pytest.mark.parametrize(
    "text, language, value",
    [
        (
            "По данным Сырского, за три зимних месяца российские войска потеряли около 92 850 военнослужащих.",
            "ru",
            92850,
        ),
        ("Генштаб повідомив, що у першому кварталі 2025 року ворог втратив 125 970 осіб.", "uk", 125970),
    ],
)
def test_a_season_or_a_quarter_is_a_period(text: str, language: str, value: int) -> None:
    assert [(c.metric, c.kind) for c in extract(text, language=language).claims if c.value == value] == [
        ("personnel", "increase")
    ]


def test_an_en_dash_between_a_number_and_its_noun() -> None:
    text = "„Russland hat 80 Panzer, 516 - gepanzerte Kampffahrzeuge, 10 - Flugzeuge, 7 – Hubschrauber verloren“, so Maljar."
    assert (GS, "helicopters", "total", 7) in _claims(text, "de")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Ucrania, por su parte, cifró en 9.382 los tanques rusos destruidos y en 329 los helicópteros.", "es"),
        ("L'Ukraine, de son côté, a affirmé que 9 382 chars russes ont été détruits.", "fr"),
    ],
)
def test_an_aside_between_a_speaker_and_its_word_of_saying(text: str, language: str) -> None:
    assert (GS, "tanks", "total", 9382) in _claims(text, language)


@pytest.mark.parametrize(
    "text, language",
    [
        ("„Naš cilj je ubijati 50.000 Rusa mjesečno”, rekao je ministar.", "hr"),
        ("Dowódca stawia sobie za cel zabijanie 50 tys. Rosjan miesięcznie.", "pl"),
        ("The army's goal is to kill 50,000 Russian soldiers a month, the minister said.", "en"),
    ],
)
def test_a_goal_is_no_loss(text: str, language: str) -> None:
    assert not _claims(text, language)


def test_a_people_word_naming_a_side_qualifies_the_equipment_after_it() -> None:
    text = (
        "Per parą Ukrainos kariai sunaikino 5 rusų kariuomenės tankus ir 6 šarvuotąsias karines transporto priemones."
    )
    claims = {(m, v) for _s, m, _k, v in _claims(text, "lt")}
    assert ("tanks", 5) in claims and ("afv", 6) in claims and ("personnel", 5) not in claims


def test_a_list_whose_items_carry_their_increases_is_a_list_of_totals() -> None:
    text = (
        "Over the past day the Defence Forces eliminated 980 invaders, and the equipment destroyed is:\n"
        "tanks — 7928 (+17) units;\nartillery systems — 13,770 (+34) units;\n"
        "warships/boats — 28 units;\nsubmarines — 1 unit."
    )
    claims = _claims(text, "en")
    assert (GS, "ships", "total", 28) in claims and (GS, "submarines", "total", 1) in claims


def test_an_arabic_dual_thousand_joins_the_number_after_it() -> None:
    text = "وقالت هيئة الأركان إن خسائر العدو بلغت 3 آلاف و393 دبابة وألفين و363 من أنظمة المدفعية."
    assert {(m, v) for _s, m, _k, v in _claims(text, "ar")} == {("tanks", 3393), ("artillery", 2363)}


@pytest.mark.parametrize(
    "text, language, metric, value",
    [
        ("Według Kijowa zniszczonych bojowych wozów opancerzonych okupanta jest już 9557.", "pl", "afv", 9557),
        ("Според Генералния щаб унищожените бойни бронирани машини вече са 17 222.", "bg", "afv", 17222),
    ],
)
def test_the_destroyed_equipment_before_a_verb_names_the_number_after_it(
    text: str, language: str, metric: str, value: int
) -> None:
    assert (GS, metric, "total", value) in _claims(text, language)


@pytest.mark.parametrize(
    "text, language",
    [
        ("У листопаді росіяни втратили 45 720 військових і 307 танків, повідомив Генштаб.", "uk"),
        ("W listopadzie Rosjanie stracili 45 720 żołnierzy i 307 czołgów, podał Sztab Generalny.", "pl"),
    ],
)
def test_a_month_inflected_as_news_writes_it_is_a_period(text: str, language: str) -> None:
    claims = extract(text, language=language, published="2024-12-01").claims
    assert {(c.metric, c.kind, c.period) for c in claims} == {
        ("personnel", "increase", "P1M"),
        ("tanks", "increase", "P1M"),
    }


def test_an_air_force_named_as_the_source_of_ground_losses_is_not_their_speaker() -> None:
    text = (
        "Según la Fuerza Aérea ucraniana, el ejército ruso acumula ya más de 975.000 bajas y 10.834 tanques "
        "perdidos desde el inicio de la invasión, según el Estado Mayor."
    )
    claims = _claims(text, "es")
    assert (GS, "personnel", "total", 975000) in claims and (GS, "tanks", "total", 10834) in claims


@pytest.mark.parametrize(
    "text, language, metric, value",
    [
        (
            "Laut Generalstab gingen bei der russischen Luftabwehr inzwischen 605 Systeme verloren.",
            "de",
            "air_defense",
            605,
        ),
        (
            "Selon Kiev, en matière d'artillerie la Russie a perdu 1 415 systèmes russes détruits en juin.",
            "fr",
            "artillery",
            1415,
        ),
    ],
)
def test_systems_at_the_end_of_a_clause_count_the_equipment_named_before(
    text: str, language: str, metric: str, value: int
) -> None:
    assert value in {v for _s, m, _k, v in _claims(text, language) if m == metric}


@pytest.mark.parametrize("published, kind", [("2024-02-26", "total"), ("2026-01-18", "increase")])
def test_years_that_reach_back_to_the_invasion_are_the_whole_war(published: str, kind: str) -> None:
    text = "За його словами, за два роки противник втратив понад 180 тисяч особового складу, повідомив Генштаб."
    claims = extract(text, language="uk", published=published).claims
    assert [(c.value, c.kind) for c in claims] == [(180000, kind)]


def test_a_number_after_of_which_and_a_comma_refers_back() -> None:
    text = (
        "Depuis le début de l'invasion, l'armée russe a perdu 220 450 soldats, selon l'état-major ukrainien. "
        "Sur ce nombre, 810 l'ont été ces dernières 24 heures."
    )
    assert (GS, "personnel", "increase", 810) in _claims(text, "fr")


@pytest.mark.parametrize(
    "text, numbers",
    [
        ("щодня приблизно 1 000-1 100 російських військових", ["1 000", "1 100"]),  # a range
        ("date 2026-02-14 177 433 soldiers", ["2026", "02", "14", "177 433"]),  # a date, then a number
        ("date 2022-04 676 tanks", ["2022", "04", "676"]),  # a year and month, then a number
    ],
)
def test_a_hyphen_before_a_spaced_number_ends_a_date_not_a_group(text: str, numbers: list[str]) -> None:
    assert [t.raw for t in tokenize(text) if t.kind == NUM] == numbers


def test_a_total_of_sums_within_the_period_its_clause_names() -> None:
    text = "A total of 45,720 Russian soldiers were killed or wounded in November, the Ukrainian Defense Ministry said."
    claims = extract(text, language="en", published="2024-12-01").claims
    assert [(c.kind, c.period) for c in claims if c.value == 45720] == [("increase", "P1M")]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Intanto l'Ucraina afferma che le sue forze hanno abbattuto anche:\n- 450 carri armati\n- 93 aerei",
            "it",
        ),
        ("Ucrania afirma que sus tropas han destruido 450 tanques y 93 aviones rusos.", "es"),
    ],
)
def test_a_country_speaks_with_a_present_tense_word_of_saying(text: str, language: str) -> None:
    claims = _claims(text, language)
    assert (GS, "tanks", "total", 450) in claims and (GS, "aircraft", "total", 93) in claims


def test_militants_are_personnel() -> None:
    text = "Втрати ворога: за минулу добу ЗСУ знешкодили майже 600 російських бойовиків, повідомив Генштаб."
    assert (GS, "personnel", "increase", 600) in _claims(text, "uk")


def test_a_country_after_the_noun_with_a_word_of_saying_speaks() -> None:
    text = "Overnight Moscow suffered another 900 casualties Ukraine's military said on Sunday."
    assert (GS, "personnel", "increase", 900) in _claims(text, "en")


@pytest.mark.parametrize(
    "text, language",
    [
        ("The General Staff spokesman added that over 200 Russian soldiers had been taken prisoner.", "en"),
        ("Генштаб додав, що понад 200 російських військових потрапили в полон.", "uk"),
        ("Rzecznik sztabu dodał, że ponad 200 rosyjskich żołnierzy zostało wziętych do niewoli.", "pl"),
    ],
)
def test_soldiers_said_to_be_taken_prisoner_are_prisoners(text: str, language: str) -> None:
    assert {(m, v) for _s, m, _k, v in _claims(text, language)} == {("pow", 200)}


def test_the_dead_and_the_captured_together_are_personnel() -> None:
    text = "Генштаб ЗСУ: за тиждень війни втрати РФ — 9 тис військових убитими та полоненими."
    assert {(m, v) for _s, m, _k, v in _claims(text, "uk")} == {("personnel", 9000)}


def test_a_name_that_owns_the_next_noun_is_no_speaker() -> None:
    text = (
        "Ukrainian Armed Forces said about 10,000 Russian soldiers were killed. The military also said it dealt a "
        "heavy blow to the Kremlin's arsenal, taking out more than 250 tanks and 39 planes."
    )
    claims = _claims(text, "en")
    assert (GS, "tanks", "total", 250) in claims and (GS, "aircraft", "total", 39) in claims


def test_according_to_a_names_figures_it_speaks() -> None:
    text = "Russia also lost 38 artillery systems in the past day, and 10,466 in all, according to Kyiv's figures."
    assert (GS, "artillery", "increase", 38) in _claims(text, "en")


@pytest.mark.parametrize(
    "text, language, as_of",
    [
        ("Идет 618-й день войны. По данным Генштаба ВСУ, Россия потеряла 930 военных.", "ru", "2023-11-03"),
        (
            "Inwazja trwa już od 618 dni. Według Sztabu Generalnego przeciwnik stracił 930 żołnierzy.",
            "pl",
            "2023-11-03",
        ),
        ("On day 618 of the war, Russia lost 930 soldiers, the General Staff said.", "en", "2023-11-03"),
        ("Over the last 10 days Russia lost 9,300 soldiers, the General Staff said.", "en", None),
    ],
)
def test_the_day_of_the_war_a_text_counts_dates_it(text: str, language: str, as_of: str | None) -> None:
    found = extract(text, language=language).as_of
    assert (found.isoformat() if found else None) == as_of


def test_a_day_word_before_a_count_of_soldiers_is_no_day_of_the_war() -> None:
    text = "Laut Generalstab verlor Russland am letzten Tag 660 russische Soldaten."
    assert (GS, "personnel", "increase", 660) in _claims(text, "de")


@pytest.mark.parametrize(
    "text, language",
    [
        ("Втрати Росії. За попередню добу Росія втратила 900 військових.", "uk"),
        ("Потери России. За предыдущие сутки Россия потеряла 900 военных.", "ru"),
        ("Ukrainan puolustusministeriö kertoo kaatuneen viimeisen vuorokauden aikana 900 venäläistä.", "fi"),
    ],
)
def test_the_previous_day_and_a_count_of_russians(text: str, language: str) -> None:
    assert ("personnel", "increase", 900) in {(m, k, v) for _s, m, k, v in _claims(text, language)}


def test_an_em_dash_sets_an_aside_off() -> None:
    # the week's sum inside the dashes does not make the total a week's loss
    text = (
        "According to the General Staff, Russia's personnel losses reached 280,470 troops—which includes "
        "3,150 lost in the past week—as the attacks went on."
    )
    claims = _claims(text, "en")
    assert (GS, "personnel", "total", 280470) in claims and (GS, "personnel", "increase", 3150) in claims


def test_according_to_a_sides_data_names_its_speaker() -> None:
    text = "Based on Ukraine’s data, Russia’s losses reached 280,470 troops, after Moscow lost 3,150 in the past week."
    assert (GS, "personnel", "total", 280470) in _claims(text, "en")


@pytest.mark.parametrize(
    "text, source",
    [
        ("ロシア国防省は発表を控えた。ウクライナ軍はロシア兵5840人を殺害したと発表した。", GS),
        ("ウクライナは犠牲者数を公表していないが、軍はロシア兵5840人を殺害したと説明している。", GS),
        # "it is reported" (passive) names no one: the figure keeps the default
        ("ヘルソン州では過去24時間に3人が砲撃で死亡したと伝えられる。", "other"),
    ],
)
def test_where_the_verb_closes_the_sentence_its_opener_speaks(text: str, source: str) -> None:
    assert {s for s, _m, _k, _v in _claims(text, "ja")} == {source}


def test_four_digits_after_a_word_of_loss_are_a_count() -> None:
    text = "Another four Russian drones (UAVs) were also destroyed meaning that Russia's army has lost 2033 in total."
    assert 2033 in {v for *_x, v in _claims(text, "en")}
    assert not {v for *_x, v in _claims("Russia lost 400,000 troops in 2024 alone.", "en")} & {2024}


def test_a_line_break_that_only_wraps_a_sentence() -> None:
    text = (
        "El Estado Mayor de Ucrania calcula que desde el comienzo de la invasión de\n"
        "su país, el pasado 24 de febrero, las tropas rusas han sufrido 18.900\n"
        "bajas, entre soldados muertos, heridos o capturados, dijeron hoy fuentes\n"
        "militares en Kyiv."
    )
    assert ("personnel", "total", 18900) in {(m, k, v) for _s, m, k, v in _claims(text, "es")}


@pytest.mark.parametrize(
    "text, language, source",
    [
        # a side's forces right before their word of saying speak: Russia's army, of Ukraine's losses
        # (dropped), not the General Staff named before
        (
            "Las Fuerzas Armadas ucranianas afirmaron que habían destruido 3.350 tanques rusos. El ejército ruso "
            "dijo el miércoles que ha destruido 7.994 tanques y 4.189 piezas de artillería.",
            "es",
            GS,
        ),
        ("Nach den ukrainischen Berechnungen sollen mindestens 19.500 russische Soldaten gefallen sein.", "de", GS),
        # another war's figures, after its years
        (
            "Statul Major al Ucrainei a anunțat pierderi uriașe. În cei trei ani de război civil, între 1918 și 1920, "
            "Armata Roșie a pierdut puțin peste 940.000 de soldați uciși.",
            "ro",
            "other",
        ),
        # the side's adjective inside the phrase of "according to" ("по … данным"), after the noun it
        # qualifies ("secondo i dati ucraini"), or after the figures ("según cálculos ucranianos")
        ("Россия о потерях молчит. По украинской оценке, потери российской стороны примерно 38,5 тысяч.", "ru", GS),
        ("За українськими підрахунками, росіяни втратили 41 200 військових.", "uk", GS),
        ("Secondo i dati ucraini, la Russia ha perso finora 38.500 soldati.", "it", GS),
        ("En agosto Rusia ha perdido a diario 1.150 soldados, según cálculos ucranianos.", "es", GS),
        ("وفقا للبيانات الأوكرانية، خسرت روسيا 38500 جندي منذ بداية الحرب.", "ar", GS),
        # "Podľa neho tak Rusko …": the figures are his (named before), Russia is the side that lost
        (
            "Generálny štáb ozbrojených síl Ukrajiny uviedol nové čísla. Podľa neho tak Rusko prišlo už o "
            "159 090 životov.",
            "sk",
            GS,
        ),
        # the wire service relays a front command's day, not the General Staff's report
        (
            "W ciągu ostatniej doby obrońcy zniszczyli dziewięć czołgów wroga – przekazała w piątek agencja "
            "Ukrinform, cytując ukraińską Operację Sił Połączonych.",
            "pl",
            "other",
        ),
        # a day between a speaker and its word of saying: Russia of its own dead, not the General Staff
        (
            "The General Staff gave its figures in the morning. Russia on Monday said its losses stood at 5,937.",
            "en",
            "russian-mod",
        ),
        (
            "Der Generalstab nannte am Morgen Zahlen. Russland am Montag erklärte, 5937 Soldaten seien gefallen.",
            "de",
            "russian-mod",
        ),
        # a source in brackets speaks only inside them
        (
            "El Ministerio de Defensa ucraniano informó de la muerte de 1.030 soldados rusos (ejército regular y "
            "mercenarios de Wagner) en la jornada del 6 de febrero, lo que eleva el total a 133.190.",
            "es",
            GS,
        ),
        # a title before a name ends no sentence: "Col. Gen. Sergei Rudskoy … Russian Ministry of Defense"
        (
            "More than 1,300 Russian troops have been killed so far, according to Col. Gen. Sergei Rudskoy of the "
            "Russian Ministry of Defense. The General Staff of Ukraine will publish its own figures tomorrow.",
            "en",
            "russian-mod",
        ),
    ],
)
def test_who_speaks_for_a_figure(text: str, language: str, source: str) -> None:
    assert {s for s, *_x in _claims(text, language)} == {source}


def test_a_country_that_lost_is_no_speaker_for_the_next_sentence() -> None:
    # "Moscow has lost …" names the side that lost; the next sentence's figures stay Ukraine's count
    text = (
        "По оценкам украинских сил, Москва на данный момент потеряла около 94 760 солдат. "
        "Данные за понедельник также включают восемь боевых бронированных машин, в результате чего их "
        "общее количество достигло 5928 единиц."
    )
    assert ("general-staff", "afv", "total", 5928) in set(_claims(text, "ru"))


def test_a_running_total_in_the_next_sentence() -> None:
    text = (
        "Der Generalstab meldete in seinem täglichen Bericht 1140 eliminierte Soldaten. Die Zahl ist damit "
        "auf knapp über eine Million seit Beginn des Angriffskrieges gestiegen."
    )
    assert ("personnel", "total", 1000000) in {(m, k, v) for _s, m, k, v in _claims(text, "de")}


def test_a_speakers_count_of_thousands_after_a_count_of_people() -> None:
    # the category is in the sentence before; the second speaker names no noun of its own
    text = "Minister podał po raz pierwszy liczbę 5937 zabitych. Strona ukraińska twierdzi, że sięga ona ponad 55 tys."
    assert ("general-staff", "personnel", "total", 55000) in set(_claims(text, "pl"))


def test_the_khmer_full_stop_ends_a_sentence() -> None:
    """Khmer is tokenised one letter per token, its full stop ("។") too: it still ends the
    sentence, so the figure after it is not the list item of the sentence before."""
    tokens = tokenize("រុស្ស៊ី បាត់បង់ ១០ ។ អ៊ុយក្រែន ២០")
    assert len(split_sentences(tokens)) == 2


def test_a_dash_and_a_capital_after_a_full_stop_start_a_sentence() -> None:
    """A quoted speaker's words open with a dash ("… żołnierzy. - Strona ukraińska …"): the full
    stop before it ends the sentence, so the country before it is not in the next one's clause."""
    tokens = tokenize("Rosja straciła ponad 100 tys. żołnierzy. - Strona ukraińska straciła tyle samo - dodał.")
    assert len(split_sentences(tokens)) == 2


def test_in_the_wars_first_days_no_figure_is_too_small_for_a_total() -> None:
    """On 25 February 2022 a deputy minister's tally since the invasion (before the General
    Staff's first report) is a total, however small beside that report's."""
    text = "A vice-ministra da Defesa ucraniana declarou que mais de 820 militares russos foram mortos na invasão."
    claims = extract(text, language="pt", published="2022-02-25").claims
    assert [(c.metric, c.kind, c.value) for c in claims] == [("personnel", "total", 820)]


def test_altogether_a_few_words_before_its_figure_leaves_the_kind_to_the_ledger() -> None:
    """ "Insgesamt seien dabei mindestens 1.030 Soldaten …" after a day's fighting: "altogether"
    sums what its text counts, a day or the war; check settles which with the ledger."""
    text = (
        "Das Militär meldete schwere russische Verluste binnen der letzten 24 Stunden. Insgesamt seien dabei "
        "mindestens 1.030 Soldaten ums Leben gekommen."
    )
    (claim,) = extract(text, language="de").claims
    assert (claim.value, claim.kind_by) == (1030, "altogether")


def _periods(text: str, language: str, published: str | None = None) -> set[tuple[str, str, int, str | None]]:
    return {(c.metric, c.kind, c.value, c.period) for c in extract(text, language=language, published=published).claims}


@pytest.mark.parametrize(
    "text, language, period",
    [
        # a count of CLDR's units of time after a period prefix or a word of "during", in digits or words
        ("Over the past three months Russia lost 92,850 soldiers, Ukraine's General Staff said.", "en", "P3M"),
        ("In drei Monaten verlor Russland laut Generalstab 92.850 Soldaten.", "de", "P3M"),
        ("Генштаб ЗСУ: за три зимових місяці Росія втратила 92 850 військових.", "uk", "P3M"),
        ("Según el Estado Mayor ucraniano, en las últimas dos semanas Rusia perdió 92.850 soldados.", "es", "P14D"),
    ],
)
def test_a_counted_span_of_time_is_the_period_of_its_loss(text: str, language: str, period: str) -> None:
    assert _periods(text, language, "2026-03-02") == {("personnel", "increase", 92850, period)}


def test_a_span_that_reaches_back_to_the_invasion_is_the_war_so_far() -> None:
    # "over the past two weeks" on 10 March 2022 is every day of the war; in 2025 a fortnight
    text = "Ukraine's General Staff says 12,000 Russian soldiers died over the past two weeks."
    assert _periods(text, "en", "2022-03-10") == {("personnel", "total", 12000, None)}
    assert _periods(text, "en", "2025-03-10") == {("personnel", "increase", 12000, "P14D")}


def test_days_counted_without_past_are_the_war_so_far() -> None:
    # "за 11 днів" in the war's second week counts its days, as before; not a span of the war
    text = "За 11 днів українські воїни знищили понад 11 тисяч російських військових, повідомив Генштаб."
    assert ("personnel", "total", 11000, None) in _periods(text, "uk", "2022-03-07")


def test_since_a_weekday_and_a_range_of_weekdays_are_periods() -> None:
    since = "Laut Generalstab hat Russland seit Sonntag 4.180 Soldaten verloren."
    assert _periods(since, "de", "2024-04-19") == {("personnel", "increase", 4180, "P5D")}
    between = "Laut Generalstab verloren von Sonntag bis Freitag 4.180 russische Soldaten ihr Leben."
    assert _periods(between, "de") == {("personnel", "increase", 4180, "P5D")}
    # the weekday of a date the text gives is no period: "since Thursday (24/2/2022)" is the war
    dated = "Staf Umum Ukraina: tentara Rusia yang tewas sejak Kamis (24/2/2022) sudah lebih dari 11.000 orang."
    assert _periods(dated, "id", "2022-03-08") == {("personnel", "total", 11000, None)}


def test_in_this_period_naming_no_period_leaves_the_kind_to_the_figures_size() -> None:
    text = (
        "D'après l'état-major, plus d'un million de soldats russes ont été tués ou blessés. Ce total inclut les "
        "blessés. L'ennemi a perdu sur cette période plus de 10 933 chars."
    )
    assert ("tanks", "total", 10933, None) in _periods(text, "fr", "2025-06-12")


def test_since_a_day_of_february_with_no_year_is_a_later_february() -> None:
    text = "Laut Generalstab hat Russland seit dem 3. Februar mehr als 4.500 Soldaten verloren."
    assert _periods(text, "de", "2024-02-09") == {("personnel", "increase", 4500, "since:--02-03")}


@pytest.mark.parametrize(
    "text, language",
    [
        ("यूक्रेन का दावा है कि रूस का एक सुखोई-34 विमान नष्ट कर दिया गया।", "hi"),
        ("Ukraine says it shot down a Su-34 jet.", "en"),
    ],
)
def test_a_model_number_in_a_caseless_script_is_no_count(text: str, language: str) -> None:
    assert 34 not in {c.value for c in extract(text, language=language).claims}


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Від початку війни Росія втратила понад 2000 танків, заявив головнокомандувач об'єднаними силами НАТО Каволі.",
            "uk",
        ),
        ("NATO's Supreme Allied Commander said Russia has lost more than 2,000 main battle tanks.", "en"),
        ("Według generała Tarnawskiego na kierunku taurydzkim zniszczono sześć czołgów.", "pl"),
    ],
)
def test_nato_and_sector_commanders_are_not_the_general_staff(text: str, language: str) -> None:
    assert GS not in {s for s, *_x in _claims(text, language)}


@pytest.mark.parametrize(
    "text, language, values",
    [
        (
            "யுக்ரேன்: இதுவரை 26, 350 ரஷ்ய வீரர்கள் கொல்லப்பட்டனர்; 1, 187 டாங்கிகள் மற்றும் 2, 856 ஆயுத வாகனங்கள்.",
            "ta",
            {26350, 1187, 2856},
        ),
        ("Jeshi la Ukraine limesema wanajeshi 5, 840 wa Urusi wameuawa.", "sw", {5840}),
        # a list of numbers and a date keep their commas
        ("Ukraine said Russian losses stood at 700, 800 and 850 soldiers on those days.", "en", {700, 800, 850}),
        ("Ukraine said that on March 26, 350 Russian soldiers were killed.", "en", {350}),
    ],
)
def test_a_comma_typed_with_a_space_as_thousands_separator(text: str, language: str, values: set[int]) -> None:
    assert {c.value for c in extract(text, language=language).claims} == values


def test_a_side_named_as_the_passive_verbs_agent_did_not_lose() -> None:
    """ "dados divulgados *pelos* militares ucranianos": the Ukrainian military published the
    figures; the losses are Russia's, not Ukraine's own."""
    text = (
        "Segundo dados divulgados pelos militares ucranianos, a Rússia já soma mais de 156.000 baixas na invasão "
        "da Ucrânia, tendo perdido 590 pessoas só entre quarta e quinta-feira.\n\nEm relatório publicado na "
        "quinta-feira, o Estado-Maior das Forças Armadas da Ucrânia informou que, desde o início da guerra, foram "
        "contabilizadas 156.120 baixas russas em combate."
    )
    assert {s for s, *_x in _claims(text, "pt")} == {GS}


def test_a_unit_of_time_right_after_a_period_prefix_counts_one() -> None:
    text = "Russia's forces lost 55 tanks during the course of the past week, according to Ukraine's military."
    assert _periods(text, "en", "2023-07-25") == {("tanks", "increase", 55, "P7D")}


def test_a_source_named_after_cited_by_relays_the_one_named_before() -> None:
    text = (
        "Selon les chiffres de l'état-major ukrainien cités par le ministère britannique de la Défense, "
        "Moscou a subi 45 680 pertes humaines en novembre."
    )
    assert {s for s, *_x in _claims(text, "fr")} == {GS}


def test_where_the_verb_opens_the_clause_the_country_after_it_speaks() -> None:
    # "Russia announced inflicting on the Ukrainian forces more than 120 killed and wounded"
    text = "بينما أعلنت روسيا تكبيد القوات الأوكرانية أكثر من 120 عسكريا بين قتيل وجريح."
    assert {s for s, *_x in _claims(text, "ar")} == {"russian-mod"}


def test_recruits_are_no_losses() -> None:
    text = (
        "За словами Генштабу, у січні Росія втратила майже 29,7 тисячі військових, тоді як противник "
        "за цей період зміг рекрутувати близько 22 тисяч осіб."
    )
    assert 22000 not in {c.value for c in extract(text, language="uk").claims}


@pytest.mark.parametrize(
    "text, language, published, expected",
    [
        # "за цей час": the period named before
        (
            "Головнокомандувач ЗСУ повідомив, що за три місяці зими Росія втратила 92 850 військових. "
            "Також за цей час у росіян поменшало на 322 танки, п'ять літаків і один гелікоптер.",
            "uk",
            "2026-03-02",
            {("tanks", "increase", 322, "P3M"), ("aircraft", "increase", 5, "P3M")},
        ),
        # a sentence that continues the one before ("Darüber hinaus")
        (
            "Laut Generalstab verloren von Sonntag bis Freitag 4.180 russische Soldaten ihr Leben. "
            "Darüber hinaus sollen 87 Schützenpanzer und 76 Drohnen verloren gegangen sein.",
            "de",
            None,
            {("afv", "increase", 87, "P5D"), ("uav", "increase", 76, "P5D")},
        ),
        # bullets right after a sentence that names a span of several days
        (
            "Головнокомандувач ЗСУ: за три зимові місяці втрати противника склали близько 92 850 військових, "
            "у середньому 1031 на добу.\n\n  • 322 танки;\n  • 430 бойових броньованих машин;\n  • 2 967 артсистем;\n"
            "  • 110 РСЗВ.",
            "uk",
            "2026-03-02",
            {("tanks", "increase", 322, "P3M"), ("mlrs", "increase", 110, "P3M")},
        ),
    ],
)
def test_figures_after_a_named_span_take_its_period(
    text: str, language: str, published: str | None, expected: set[tuple[str, str, int, str]]
) -> None:
    assert expected <= _periods(text, language, published)


def test_a_hungarian_compound_of_people_and_loss_names_personnel() -> None:
    """ "embervesztesége meghaladta a 414 ezret": personnel and loss in one word, the thousand in
    the accusative; "36 tüzérségi és egy légvédelmi rendszert" shares its noun."""
    text = (
        "A vezérkar reggeli jelentése szerint az orosz hadsereg embervesztesége meghaladta a 414 ezret. "
        "Az ukrán erők egy nap alatt megsemmisítettek 17 harckocsit, 36 tüzérségi és egy légvédelmi rendszert."
    )
    claims = extract(text, language="hu").claims
    assert (GS, "personnel", "total", 414_000, "more_than") in {
        (c.source, c.metric, c.kind, c.value, c.qualifier) for c in claims
    }
    assert (GS, "artillery", 36) in {(c.source, c.metric, c.value) for c in claims}


@pytest.mark.parametrize(
    "text, language",
    [
        ("أعلنت قوات الدفاع الجوي الأوكرانية أنها أسقطت 84 طائرة مسيرة روسية خلال الليل.", "ar"),
        ("L'aviazione di Kiev afferma di aver abbattuto nella notte 15 droni russi.", "it"),
    ],
)
def test_an_air_forces_overnight_count_is_not_the_general_staffs(text: str, language: str) -> None:
    assert not {c for c in extract(text, language=language).claims if c.source == GS}


def test_a_sector_spokesman_and_troops_massed_are_no_general_staff_losses() -> None:
    """The Tavria forces' spokesman counts one sector; troops "raggruppati" are a force's size."""
    text = (
        "Ad Avdiivka le perdite russe «sono ormai quasi 6.500», ha detto il portavoce delle forze di difesa "
        "di Tauride, Oleksandr Shtupun. Secondo Kiev, Mosca ha raggruppato nell'area circa 40 mila soldati."
    )
    assert not {c for c in extract(text, language="it").claims if c.source == GS}
    massed = "Kyiv says Moscow has massed about 40,000 troops around the town."
    assert not extract(massed, language="en").claims


@pytest.mark.parametrize(
    "text, language",
    [
        ("At this pace Russia could reach 650,000 casualties within days.", "en"),
        ("À ce rythme, les pertes russes pourraient désormais atteindre 650 000 soldats en quelques jours.", "fr"),
        ("A este ritmo, Rusia podría superar las 650.000 bajas en pocos días.", "es"),
        ("За такого темпу втрати росії можуть сягнути 650 тисяч військових уже за кілька днів.", "uk"),
    ],
)
def test_a_projection_is_no_loss_figure(text: str, language: str) -> None:
    assert not extract(text, language=language).claims


@pytest.mark.parametrize(
    "text, language, claim",
    [
        # the Ukrainian military leadership speaks for the General Staff
        (
            "Die ukrainische Militärführung berichtet von 26 versenkten russischen Schiffen und Booten.",
            "de",
            (GS, "ships", "total", 26),
        ),
        # main battle tanks abbreviated
        (
            "Генералният щаб на Украйна съобщи, че Русия е загубила близо 11 000 ОБТ.",
            "bg",
            (GS, "tanks", "total", 11_000),
        ),
        ("Ukraine's General Staff says Russia has lost nearly 11,000 MBTs.", "en", (GS, "tanks", "total", 11_000)),
        # tanker lorries called fuel vehicles (the early reports' own line)
        (
            "The General Staff of Ukraine said Russia had also lost 81 fuel vehicles since February 24.",
            "en",
            (GS, "fuel_tanks", "total", 81),
        ),
        # fuel tankers with "із" for "з" (with)
        (
            "Генштаб ЗСУ: ворог втратив 81 цистерну із паливно-мастильними матеріалами.",
            "uk",
            (GS, "fuel_tanks", "total", 81),
        ),
        # members of the forces, a loss in the sentence
        (
            "Der ukrainische Generalstab schätzt, dass Russland bis zum 2. März etwa 1.262.610 Angehörige verloren hat.",
            "de",
            (GS, "personnel", "total", 1_262_610),
        ),
    ],
)
def test_words_for_speakers_and_categories_news_uses(text: str, language: str, claim: tuple) -> None:
    assert claim in _claims(text, language)


def test_a_quotation_over_paragraphs_is_its_named_speakers() -> None:
    """A report quoted over three paragraphs, its speaker named after the closing mark: none of its
    figures is the General Staff's, although the second paragraph cites it."""
    text = (
        "Londra confirmă estimările Kievului.\n\n"
        "„Rusia a suferit probabil 1.050.000 de pierderi de la începutul invaziei. Dintre ele, 260.000 în 2025.\n\n"
        "Media zilnică a pierderilor în iulie a fost de circa 1.072, după cifrele Statului Major ucrainean.\n\n"
        "Ritmul a scăzut ușor de la o lună la alta”, a transmis Ministerul britanic al Apărării."
    )
    claims = {(c.source, c.value) for c in extract(text, language="ro").claims}
    assert ("other", 1_050_000) in claims
    assert (GS, 1_050_000) not in claims and (GS, 260_000) not in claims


def test_a_rocket_launcher_named_with_a_hyphen_launches_nothing() -> None:
    """ "llança-coets" is the MLRS of a list: the word of launching in it does not make the tanks
    and guns before it weapons fired in an attack."""
    text = "L'exèrcit ucraïnès xifra en 790 carros de combat, 381 sistemes d'artilleria i 130 llança-coets múltiples les pèrdues russes."
    assert {("tanks", 790), ("artillery", 381), ("mlrs", 130)} <= {(m, v) for _s, m, _k, v in _claims(text, "ca")}


def test_ukraine_stating_after_russia_conceded_speaks_for_itself() -> None:
    text = "Rússia ha reconegut que ha perdut 1.351 soldats. En canvi, Ucraïna ha manifestat que ja han mort uns 15.000 soldats russos."
    assert (GS, "personnel", "total", 15_000) in _claims(text, "ca")


def test_russia_starting_the_war_in_a_phrase_of_time_did_not_lose() -> None:
    """Korean: "since Russia began its military operation, the Ukrainian army lost more than a
    million": the army is the side that lost; Russia only began the war."""
    text = "러시아가 2022년 2월에 군사 작전을 시작한 이래로 우크라이나군은 100만 명 이상의 군인을 잃었습니다."
    assert not {c for c in extract(text, language="ko").claims if c.source == GS}


def test_ukraines_forces_right_after_a_word_of_casualties_own_them() -> None:
    """Indonesian: "the casualties of Ukraine's armed forces … reached 3,500, 790 of them dead,"
    said Shoigu: the forces lost, Russia's minister speaks."""
    text = (
        "Sementara itu, korban jiwa angkatan bersenjata Ukraina di wilayah perbatasan mencapai lebih dari "
        '3.500 orang, 790 di antaranya tewas," kata Shoigu.'
    )
    assert not {c for c in extract(text, language="id").claims if c.source == GS}


def test_a_verb_after_and_goes_on_with_the_subject_before() -> None:
    """ "killed 5,640 Russian troops and destroyed 63 tanks": the Russians are the first verb's
    object, not the subject of the second; the tanks are Russia's losses."""
    text = "Ukraine's Defence Forces killed 5,640 Russian troops and destroyed 63 tanks, the General Staff said."
    assert (GS, "tanks", 63) in {(s, m, v) for s, m, _k, v in _claims(text, "en")}


@pytest.mark.parametrize(
    "text, language",
    [
        # the army that "has" killed speaks (it is no side that lost: "hat … verloren" is read by its verb)
        (
            "Die ukrainische Armee hat nach eigenen Angaben binnen 24 Stunden 1.200 russische Soldaten getötet und 15 Panzer zerstört.",
            "de",
        ),
        # verb-final: the side right before the verb is its object, not a subject that destroyed
        ("Ukrayna ordusu son 24 saatte 1.200 Rus askerini etkisiz hale getirdi ve 15 tankı imha etti.", "tr"),
    ],
)
def test_the_army_that_destroyed_is_the_source_and_its_targets_russias(text: str, language: str) -> None:
    claims = {(s, m, v) for s, m, _k, v in _claims(text, language)}
    assert {(GS, "personnel", 1200), (GS, "tanks", 15)} <= claims


@pytest.mark.parametrize(
    "text, language",
    [
        ("The Ukrainian military said it had shot down 45 of 60 drones launched by Russia overnight.", "en"),
        (
            "Lo Stato maggiore ucraino riferisce che nella notte sono stati abbattuti 24 dei 28 droni lanciati dai russi.",
            "it",
        ),
        ("Генштаб ЗСУ повідомив, що минулої ночі було збито 28 російських дронів типу Shahed.", "uk"),
        ("Ukrajinská armáda uvedla, že v noci sestřelila 41 z 50 ruských dronů.", "cs"),
        ("Armata ucraineană a anunțat că în timpul nopții a doborât 41 din cele 50 de drone rusești.", "ro"),
    ],
)
def test_drones_shot_down_overnight_are_an_air_forces_count(text: str, language: str) -> None:
    """The night's interceptions, whoever reports them, are not the daily statement's UAVs."""
    assert not {c for c in extract(text, language=language).claims if c.source == GS}


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Бойният потенциал на Въоръжените сили на Украйна е подкопан, загубите на противника възлизат на над "
            "1 милион военнослужещи. Това заяви министърът на отбраната на Русия Андрей Белоусов.",
            "bg",
        ),
        (
            "Потенціал Збройних сил України виснажено, втрати противника перевищили 1 мільйон військових. "
            "Про це заявив міністр оборони Росії Андрій Бєлоусов.",
            "uk",
        ),
    ],
)
def test_a_sentence_that_points_back_names_the_speaker_of_the_one_before(text: str, language: str) -> None:
    """ "This was stated by Russia's defence minister": the figure before is his (Ukraine's losses
    by Russia's count), not the General Staff's, whose forces the sentence only names."""
    assert not {c for c in extract(text, language=language).claims if c.source == GS}


@pytest.mark.parametrize(
    "text, language",
    [
        # "of them 12 on the day Tuesday": the day is a weekday's, not a count of days
        ("منذ بداية الغزو خسرت روسيا 9500 دبابة، منها 12 يوم الثلاثاء، وفق هيئة الأركان الأوكرانية.", "ar"),
        (
            "Desde o início da invasão, a Rússia perdeu 9.500 tanques, 12 deles na terça-feira, segundo o Estado-Maior ucraniano.",
            "pt",
        ),
        (
            "От началото на инвазията Русия е загубила 9500 танка, от които 12 във вторник, съобщи украинският генерален щаб.",
            "bg",
        ),
        (
            "Od početka invazije Rusija je izgubila 9.500 tenkova, od čega 12 u utorak, saopštio je ukrajinski generalštab.",
            "sr",
        ),
        (
            "Από την αρχή της εισβολής η Ρωσία έχει χάσει 9.500 άρματα μάχης, από τα οποία 12 την Τρίτη, "
            "σύμφωνα με το ουκρανικό Γενικό Επιτελείο.",
            "el",
        ),
    ],
)
def test_a_subset_on_a_weekday_is_that_days_loss_of_the_total_named(text: str, language: str) -> None:
    found = extract(text, language=language, published="2024-12-04").claims
    claims = {(c.metric, c.kind, c.value) for c in found if c.source == GS}
    assert {("tanks", "total", 9500), ("tanks", "increase", 12)} <= claims


def test_bombings_are_no_bombers() -> None:
    """ "17 bombardamenti" are air raids: a word for bombers whose stem they share would count them
    as aircraft (Italian "bombardieri" and "bombardamenti" both key "bombard")."""
    text = "Secondo lo Stato maggiore ucraino, la Russia ha effettuato 17 bombardamenti e 59 attacchi missilistici nell'ultimo giorno."
    assert not {c for c in extract(text, language="it").claims if c.metric == "aircraft"}


def test_a_front_groups_list_in_the_statements_shape_is_not_the_statement() -> None:
    """Category lines ("танки – 61;") of a text that names a front group's spokesman and not the
    General Staff are that group's monthly tally."""
    text = (
        "Ворог за жовтень втратив 19 870 військових на південному напрямку. Про це розповів речник ОСУВ «Таврія» Петро Мельник.\n\n"
        "За його словами, втрати окупантів у техніці за місяць такі:\n\n"
        "танки – 61;\n\nартилерійські системи – 655;\n\nРСЗВ – 19;\n\nзасоби ППО – чотири;\n\nавтомобілі – 1 402."
    )
    claims = extract(text, language="uk", published="2025-11-04").claims
    assert len(claims) >= 5 and not [c for c in claims if c.source == GS]


def test_the_forces_a_groups_name_ends_with_do_not_speak() -> None:
    """ "Rzecznik Wschodniego Zgrupowania Sił Zbrojnych Ukrainy": Ukraine's forces own the group
    named before them; the group's spokesman speaks."""
    text = (
        "Rzecznik Wschodniego Zgrupowania Sił Zbrojnych Ukrainy Ołeh Kowal powiedział, że w środę zginęło 207 Rosjan."
    )
    assert {(c.source, c.metric, c.value) for c in extract(text, language="pl").claims} == {("other", "personnel", 207)}


def test_a_number_word_inside_a_hyphenated_name_is_no_number() -> None:
    """Turkish "on" is ten, but not in "Rostov-on-Don"."""
    text = "Ukrayna Genelkurmayı, Rostov-on-Don denizaltısının vurulduğunu ve Rusya'nın 4 tank kaybettiğini açıkladı."
    assert {(c.metric, c.value) for c in extract(text, language="tr").claims} == {("tanks", 4)}


@pytest.mark.parametrize(
    "text, language",
    [
        (
            '영국과 우크라이나 매체들을 종합하면 영국 국방성은 "91만 명이 넘는 러시아의 사상자가 발생했다"고 발표했다.',
            "ko",
        ),
        ("Die ukrainische Militärführung meldete am Dienstag 12.000 getötete Soldaten in den eigenen Reihen.", "de"),
        # a front group and the National Guard by their short names
        (
            "Генштаб ЗСУ оновив дані. За даними ОТУ «Харків», за минулу добу ворог втратив 214 військових і 6 танків.",
            "uk",
        ),
        (
            "Генштаб ЗСУ оновив дані. Речник Нацгвардії повідомив, що за літо окупанти втратили 95 одиниць бронетехніки.",
            "uk",
        ),
    ],
)
def test_others_figures_named_by_words_news_uses_are_not_the_general_staffs(text: str, language: str) -> None:
    assert not [c for c in extract(text, language=language).claims if c.source == GS]


def test_an_average_opening_its_sentence_governs_its_figures() -> None:
    """A daily average named at the start of a long sentence: its monthly rates are averages (an
    outlet's or an intelligence service's), not the General Staff's daily figures it draws on."""
    text = (
        "The average number of Russian casualties a day (killed and wounded) has dropped over the last two "
        "months from a peak of more than 1310 per day in March to 1190 in May, according to reporting by "
        "Ukraine's General Staff."
    )
    assert not [c for c in extract(text, language="en").claims if c.source == GS]


def test_a_speaker_inside_a_dashed_aside_speaks_only_there() -> None:
    """ "–far above what Moscow admits–": Russia named inside an aside set off by dashes does not
    speak for the General Staff's figures around it."""
    text = (
        "According to the General Staff of the Ukrainian Army, Russian losses stand at about 16,000 dead "
        "–far above what Moscow has admitted so far–, and it stressed that 520 tanks and 101 planes have been destroyed."
    )
    claims = {(c.source, c.metric, c.value) for c in extract(text, language="en").claims}
    assert {(GS, "tanks", 520), (GS, "aircraft", 101)} <= claims


def test_a_phrase_of_time_between_the_noun_and_the_word_bringing_it_to_its_value() -> None:
    """ "die Verluste an Soldaten seit Beginn des Krieges insgesamt auf 512.420": the noun stands
    before the phrase of time (whose "Ukraine" speaks for no one), not right before "auf"."""
    text = (
        "Laut dem ukrainischen Generalstab sollen sich die Verluste Russlands an Soldaten "
        "seit Beginn des Ukraine-Krieges insgesamt auf 512.420 belaufen."
    )
    assert (GS, "personnel", "total", 512_420) in _claims(text, "de")


def test_a_past_war_whose_years_are_followed_by_a_word_for_years_is_history() -> None:
    """ "(1994-1996 роки)": the second year reads as a duration before "роки", but the sentence
    still names a war before this one, and its figures compare with history."""
    text = (
        "Генштаб ЗСУ повідомив, що росія втратила понад 5 300 військових. "
        "У першій чеченській війні (1994-1996 роки) російська армія втратила 5610 осіб."
    )
    assert (GS, "personnel", "total", 5610) not in _claims(text, "uk")


def test_a_speakers_name_in_another_case_than_the_listed_one_beside_it() -> None:
    """The vocabulary lists "Verteidigungsministeriums der Russischen Föderation" as written; the
    genitive of the Ukrainian ministry is still found by its key, its other words as written."""
    text = (
        "Das belegen die neuen Zahlen des Verteidigungsministeriums der Ukraine. "
        "Demnach hat Russland seit Ende Februar 81.340 Soldaten verloren."
    )
    assert (GS, "personnel", "total", 81_340) in _claims(text, "de")


def test_a_country_as_subject_of_a_closing_participle_over_a_list_is_the_side_that_lost() -> None:
    """ "So hat der Kreml bereits 2935 Panzer, 5909 … verloren": the Kremlin lost them; the
    General Staff, named before, speaks.  A comma before any figure still ends the subject."""
    text = (
        "Das geht aus den neuen Zahlen des ukrainischen Generalstabs hervor. So hat der Kreml bereits "
        "2812 Panzer, 5710 gepanzerte Fahrzeuge und 388 Mehrfachraketenwerfer verloren."
    )
    claims = _claims(text, "de")
    assert {(GS, "tanks", "total", 2812), (GS, "afv", "total", 5710), (GS, "mlrs", "total", 388)} <= claims
    relayed = (
        "Laut einer Übersicht, die vom Portal Kyiv Independent weiterverbreitet wurde, büßte Russlands Armee "
        "nach Angaben des Generalstabs bereits 1200 Panzer ein."
    )
    assert (GS, "tanks", "total", 1200) in _claims(relayed, "de")


@pytest.mark.parametrize(
    "text, language",
    [
        # the air force of Ukraine's armed forces, and "the agency" that speaks after it
        (
            "Протягом ночі сили протиповітряної оборони знешкодили 52 з 75 ударних дронів, повідомили Повітряні сили Збройних сил України. "
            "«Станом на 09:00 збито 52 ворожі БпЛА», – уточнили у відомстві.",
            "uk",
        ),
        # a region's defence forces are not the country's
        (
            "Про це повідомили Сили оборони Херсонщини: наші воїни знищили 4 танки й 9 одиниць автомобільної техніки.",
            "uk",
        ),
        # nor are a brigade's or the border guards' tallies
        ("Генштаб ЗСУ оновив дані. Бійці 24-ї окремої механізованої бригади за тиждень знищили 6 танків.", "uk"),
        ("Генштаб ВСУ обновил данные. В ГУР сообщили, что за месяц уничтожили 37 российских военных.", "ru"),
    ],
)
def test_a_unit_named_with_the_forces_it_belongs_to_speaks_for_itself(text: str, language: str) -> None:
    assert not [c for c in extract(text, language=language).claims if c.source == GS]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Num boletim, os militares ucranianos afirmaram que a Rússia perdeu 151.200 militares desde o início da guerra.",
            "pt",
        ),
        (
            "En su parte diario, los militares ucranianos afirmaron que Rusia ha perdido 151.200 soldados desde el inicio.",
            "es",
        ),
    ],
)
def test_a_sides_forces_speak_with_a_plural_word_of_saying(text: str, language: str) -> None:
    assert (GS, "personnel", "total", 151_200) in _claims(text, language)


def test_an_increase_compared_with_the_day_before() -> None:
    text = "Laut Generalstab hat Russland bislang 88.880 Soldaten verloren – ein Plus von 620 gegenüber dem Vortag."
    assert (GS, "personnel", "increase", 620) in _claims(text, "de")


def test_a_demonstrative_is_no_word_of_time_between_a_number_and_its_noun() -> None:
    """Spanish "estas" shares a key with "este" (as in "este jueves"), but "de estas bajas" is a
    share of the casualties named before."""
    text = "Según el Estado Mayor ucraniano, 612.000 de estas bajas corresponden a los combates de este año."
    assert {c.metric for c in extract(text, language="es").claims} == {"personnel"}


@pytest.mark.parametrize("period", ["this month", "last month", "over the past month"])
def test_a_months_losses_are_an_increase(period: str) -> None:
    """ "Ukraine reports that … this month to 41,870": a month's sum, never a total."""
    text = f"Ukraine also reports that Russia's casualty count {period} came to 41,870."
    assert (GS, "personnel", "increase", 41_870) in _claims(text, "en")


@pytest.mark.parametrize(
    "text, language",
    [
        ("За даними Генштабу, за минулу добу на Костянтинівському напрямку ворог втратив 142 особи і 3 танки.", "uk"),
        ("По данным Генштаба ВСУ, за сутки на Купянском направлении противник потерял 97 военных.", "ru"),
        (
            "According to the General Staff, Russian forces lost 188 troops in the Pokrovsk direction over the past day.",
            "en",
        ),
    ],
)
def test_a_front_sectors_tally_is_not_the_daily_statement(text: str, language: str) -> None:
    claims = extract(text, language=language).claims
    assert claims and not [c for c in claims if c.source == GS]


def test_losses_on_all_sectors_are_the_whole_fronts() -> None:
    text = "Генштаб ЗСУ повідомив, що за добу на всіх напрямках росіяни втратили 1 140 військових."
    assert (GS, "personnel", "increase", 1140) in _claims(text, "uk")


def test_a_years_share_named_by_an_article_and_the_year() -> None:
    """ "a las que se suman las 104.300 de 2022 y las 251.900 de 2023": the article stands for the
    casualties named before; each year's number is that year's sum."""
    text = (
        "El Estado Mayor ucraniano ha precisado que 611.000 de esas bajas se produjeron durante el último "
        "año y medio, a las que se suman las 104.300 de 2022 y las 251.900 de 2023."
    )
    claims = _claims(text, "es")
    assert {(GS, "personnel", "increase", v) for v in (611_000, 104_300, 251_900)} <= claims


def test_a_word_of_saying_in_a_compound_tense() -> None:
    text = "No boletim anterior, os militares ucranianos tinham informado que a Rússia havia perdido 70.940 militares."
    assert (GS, "personnel", "total", 70_940) in _claims(text, "pt")


def test_a_bare_day_closing_a_range_of_dates_is_no_figure() -> None:
    """ "from November 28 to 29": the 29th, not 29 more soldiers; "a combined 3,640 across the
    two days" is a two-day sum."""
    text = (
        "According to the General Staff, Russia lost 1,980 troops from November 28 to 29, and 1,660 "
        "the day before, for a combined 3,640 across the two days."
    )
    claims = _claims(text, "en")
    assert not [c for c in claims if c[3] == 29]
    assert (GS, "personnel", "increase", 3640) in claims


def test_russias_ministry_by_its_federal_name() -> None:
    """ "俄联邦国防部" is Russia's ministry: what it says its forces destroyed is Ukraine's loss,
    not the General Staff's figure named in the sentence before."""
    text = (
        "乌方称已有2万名俄军被击毙。根据俄联邦国防部4月15日公布的简报,从2月24日以来,"
        "俄武装部队共摧毁乌军2201辆坦克装甲车辆、965门火炮和迫击炮、248辆多管火箭炮。"
    )
    assert {c.value for c in extract(text, language="zh").claims if c.source == GS} == {20_000}


@pytest.mark.parametrize(
    "text, language",
    [
        ("According to the General Staff, during February Russia lost 186 tanks.", "en"),
        ("Según el Estado Mayor ucraniano, en febrero Rusia perdió 186 tanques.", "es"),
    ],
)
def test_february_named_alone_after_a_word_of_during_is_a_month(text: str, language: str) -> None:
    """February is the war's first month, but "during February" is a month's losses like any other's."""
    assert (GS, "tanks", "increase", 186) in _claims(text, language)


@pytest.mark.parametrize(
    "text, language, ones",
    [
        (
            "За даними Генштабу, за добу окупанти втратили танк, бойову броньовану машину, 31 артилерійську "
            "систему та 96 безпілотників.",
            "uk",
            {"tanks", "afv"},
        ),
        (
            "The General Staff said that over the past day Russia lost seven tanks, 119 vehicles and a helicopter.",
            "en",
            {"helicopters"},
        ),
        (
            "Ukraine's General Staff puts the totals at 384 aircraft, 28 ships and boats, and even a submarine.",
            "en",
            {"submarines"},
        ),
        ("Podle generálního štábu Rusko za den přišlo o 12 tanků, vrtulník, 40 děl.", "cs", {"helicopters"}),
    ],
)
def test_a_list_item_named_without_a_number_is_one(text: str, language: str, ones: set[str]) -> None:
    """ "танк, бойову броньовану машину, 31 …", "and a helicopter": one of each."""
    assert {c[1] for c in _claims(text, language) if c[0] == GS and c[3] == 1} == ones


@pytest.mark.parametrize(
    "text, language",
    [
        ("Генштаб: з початку війни росіяни втратили 28 кораблів і катерів та 17 тисяч танків.", "uk"),
        ("Podle štábu Rusko ztratilo 2139 tanků a jiných obrněnců, 241 raketometů.", "cs"),
        ("Według sztabu Rosja straciła 3 tys. czołgów, 2 tys. systemów artylerii.", "pl"),
        ("Sztab podał, że Rosjanie stracili 300 samolotów, drugie tyle śmigłowców, 2800 dział.", "pl"),
        ("Генштаб: уничтожены 498 танков, 240 артсистем, 45 – средств ПВО.", "ru"),
        ("Генштаб ЗСУ: знищено 93 танки.\n- 78 одиниць автотехніки,\n- автоцистерни та спецтехніка", "uk"),
    ],
)
def test_a_noun_that_shares_a_count_is_no_one(text: str, language: str) -> None:
    """A bare noun after "and" shares the count before it; a quantity word or a number of its own
    before it, or a line of its own, make it no item of one."""
    assert not [c for c in _claims(text, language) if c[3] == 1]


def test_a_verb_of_saying_before_a_source_followed_by_losses() -> None:
    """ "وأوضح بيان صادر عن الهيئة حجم الخسائر": the Staff's statement set out the losses'
    extent; the Staff speaks, and "Moscow lost" after a participle of saying is the side that lost."""
    text = (
        "أعلنت هيئة الأركان العامة للقوات المسلحة الأوكرانية أن عدد قتلى الجيش الروسي بلغ 131 ألفًا و290 جنديًا. "
        "وأوضح بيان صادر عن الهيئة حجم الخسائر التي مُنيت بها روسيا منذ اندلاع الحرب، مبينًا أن موسكو فقدت "
        "كذلك 3 آلاف و220 دبابة، و6 آلاف و405 مركبات مدرعة."
    )
    claims = _claims(text, "ar")
    assert {(GS, "tanks", "total", 3220), (GS, "afv", "total", 6405)} <= claims


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Igor Konasenkov, az orosz védelmi minisztérium szóvivője pénteken arról számolt be, hogy kilenc "
            "támadást vertek vissza. Közlése szerint az ukrán fél egy nap alatt körülbelül 680 katonát veszített.",
            "hu",
        ),
        (
            "„Takéto straty Rusi ešte nezažili“, doplnil šéf spravodajského odboru ministerstva obrany. "
            "Za 15 dní vojny prišlo Rusko o viac ako 12 000 vojakov. Ukrajinská armáda za ten čas už "
            "zneškodnila troch ruských generálov.",
            "sk",
        ),
    ],
)
def test_speakers_who_are_not_the_general_staff(text: str, language: str) -> None:
    """Russia's spokesman goes on ("közlése szerint"; the Ukrainian side, before its closing verb,
    lost); the ministry's intelligence chief is not the General Staff."""
    assert not [c for c in _claims(text, language) if c[0] == GS]


@pytest.mark.parametrize(
    "text, language",
    [
        (
            "Segundo os dados analisados, em janeiro as forças ucranianas ficaram sem 64 tanques e 367 outros blindados.",
            "pt",
        ),
        (
            "Almost 6,000 Russian troops have been lost, Defense Minister Sergey Shoigu stated on Tuesday. According to "
            "the minister, Ukrainian fatalities are ten times as high, with 61,207 Kyiv soldiers killed.",
            "en",
        ),
    ],
)
def test_ukraines_losses_and_russias_minister_are_not_the_general_staffs(text: str, language: str) -> None:
    """ "as forças ucranianas ficaram sem" (were left without: lost); "according to the minister"
    after Shoigu is Shoigu."""
    assert not [c for c in _claims(text, language) if c[0] == GS]


def test_a_table_of_terms_and_numbers_on_lines_of_their_own_is_the_statement() -> None:
    """A news site's losses table: each category alone on its line, its total on the next."""
    text = (
        "1 141 день війни\nОсобовий склад\n927 580\nТанки\n10 576\nАртилерія\n25 912\nЛітаки\n370\n"
        "Гелікоптери\n335\nБпЛА\n31 973"
    )
    claims = _claims(text, "uk")
    assert {(GS, "tanks", "total", 10_576), (GS, "aircraft", "total", 370), (GS, "uav", "total", 31_973)} <= claims


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Dikutip dari New York Post, Shtupun mengungkapkan pasukan Ukraina telah menewaskan 1.090 tentara Rusia "
            "pada Sabtu.",
            "id",
            (GS, "personnel", "increase", 1090),
        ),
        (
            "これは英国国防省によって報告された。ウクライナ軍は過去1日間で少なくとも1,030人のロシア兵を排除した。",
            "ja",
            (GS, "personnel", "increase", 1030),
        ),
    ],
)
def test_ukraines_forces_that_killed(text: str, language: str, expected: tuple[str, str, str, int]) -> None:
    """Ukraine's forces as the subject of a verb of killing ("menewaskan", "排除した") speak for
    the General Staff."""
    assert expected in _claims(text, language)


@pytest.mark.parametrize(
    "text, language",
    [
        ("Генштаб: за добу окупанти втратили 1200 осіб. Ще один генерал став вантажем 200.", "uk"),
        ("По данным Генштаба ВСУ, армия РФ потеряла 1200 человек, а генерал отправился домой грузом 200.", "ru"),
        ("Według Sztabu Generalnego Rosja straciła 1200 żołnierzy; generał stał się dziś ładunkiem 200.", "pl"),
    ],
)
def test_cargo_200_is_a_name_not_a_figure(text: str, language: str) -> None:
    """ "вантаж 200", "груз 200", "ładunek 200": the dead, not 200 of them."""
    assert not [c for c in _claims(text, language) if c[3] == 200]


def test_the_first_number_of_a_range_of_metres_is_metres() -> None:
    """ "for gains of 100 to 200 metres": both ends are distances, not 100 soldiers."""
    text = "The Russians throw away vast numbers of infantry for gains of 100 to 200 metres."
    assert not [c for c in _claims(text, "en") if c[3] in (100, 200)]


def test_a_side_counted_by_a_number_is_no_subject_that_destroyed() -> None:
    """ "820 Russian occupiers were wiped out …, and 130,150 of them killed": the side named
    after the first number is what it counts, not an army that destroyed the second."""
    text = (
        "Ukraine's General Staff said 820 Russian occupiers were wiped out over the day, and about 130,150 of "
        "them have been killed since the start of the full-scale invasion."
    )
    assert (GS, "personnel", "total", 130150) in _claims(text, "en")


def test_the_invader_named_after_since_the_invasion_is_no_subject() -> None:
    """ "Since the invasion of the Russian Federation began, our soldiers downed …": Russia is
    the invader, the soldiers who downed are Ukraine's."""
    text = (
        "З початку вторгнення Російської Федерації наші захисники знищили майже 600 танків і 1700 бойових "
        "броньованих машин, повідомив міністр оборони України."
    )
    assert {(GS, "tanks", "total", 600), (GS, "afv", "total", 1700)} <= _claims(text, "uk")


def test_a_headline_figure_the_body_gives_to_the_air_force() -> None:
    """The headline names Ukraine's forces; the body says the Air Force counted the same drones
    overnight: the headline's figure is that count, not the General Staff's."""
    text = (
        "Сили оборони знешкодили 58 ворожих дронів\n"
        "У ніч на 3 березня противник атакував Україну дронами різних типів.\n"
        "За даними Повітряних сил ЗСУ, станом на 09:00 збито 58 дронів над кількома областями."
    )
    assert not [c for c in _claims(text, "uk") if c[0] == GS]


def test_a_lists_items_share_the_side_its_first_item_names() -> None:
    """ "as tropas ucranianas perderam 1.410 militares, nove blindados e dois depósitos": every
    item is Ukraine's loss, as the Russian ministry claims it."""
    text = (
        "Segundo o ministério russo, as tropas ucranianas perderam 1.410 militares, nove blindados de combate e "
        "dois depósitos na zona do agrupamento Sul."
    )
    assert not [c for c in _claims(text, "pt") if c[0] == GS]


def test_a_model_name_joined_by_an_en_dash() -> None:
    """ "Szu–34": a Sukhoi's model, not 34 aircraft."""
    text = "Az ukrán vezérkar szerint egy Szu–34-es és egy Szu–35-ös gépet is lelőttek."
    assert not [c for c in _claims(text, "hu") if c[3] in (34, 35)]


def test_traditional_chinese_meets_the_simplified_vocabulary() -> None:
    """Taiwanese and Hong Kong copy writes "烏克蘭國防部", "損失": folded to Simplified
    characters (OpenCC's table) they are the vocabulary's "乌克兰国防部", "损失"."""
    from lossledger.extraction.tokens import fold

    assert fold("烏克蘭國防部損失") == fold("乌克兰国防部损失")
    text = "烏克蘭國防部表示,俄軍迄今損失坦克2063輛。"
    assert (GS, "tanks", "total", 2063) in _claims(text, "zh")


@pytest.mark.parametrize(
    "text, language",
    [
        ("绍伊古表示,2023年乌克兰军队的损失超过21.5万人。", "zh"),
        ("ショイグ国防相によると、2023年のウクライナ軍の損失は21万5000人を超えた。", "ja"),
    ],
)
def test_ukraines_forces_owning_a_loss_through_a_particle(text: str, language: str) -> None:
    """Owner, particle, loss ("乌克兰军队的损失", "ウクライナ軍の損失"): Ukraine's losses, which
    Russia's minister claims, not the General Staff speaking."""
    assert not [c for c in _claims(text, language) if c[0] == GS]


@pytest.mark.parametrize(
    "text, language, expected",
    [
        (
            "Norway's defence chief estimates that at least 180,000 Russian soldiers have been killed or wounded.",
            "en",
            ("other", "personnel", "total", 180000),
        ),
        (
            "यूक्रेनी सेना के दावे के अनुसार रूस के 112 हेलिकॉप्टर और 52 एंटी एयरक्राफ्ट सिस्टम नष्ट हो चुके हैं।",
            "hi",
            (GS, "air_defense", "total", 52),
        ),
        (
            "युक्रेनी सेनाका अनुसार रसियाका १६ वटा विमान र ११० वटा ट्यांकसमेत नष्ट भएका छन् ।",
            "ne",
            (GS, "tanks", "total", 110),
        ),
        # a side's adjective right before a word of saying: that side speaks
        (
            "Ukraine's estimate is far higher: about 21,900 Russian soldiers dead.",
            "en",
            (GS, "personnel", "total", 21900),
        ),
        # Portuguese "garante" (asserts) after the country
        (
            "Por seu lado, a Ucrânia garante que as perdas russas são maiores, cerca de 36.200 soldados mortos.",
            "pt",
            (GS, "personnel", "total", 36200),
        ),
        # Finnish "arvio" (estimate) after the country's genitive
        (
            "Ukrainan arvio on paljon suurempi: sen mukaan venäläissotilaita on kuollut noin 21 900.",
            "fi",
            (GS, "personnel", "total", 21900),
        ),
    ],
)
def test_words_met_in_held_out_passages(text: str, language: str, expected: tuple[str, str, str, int]) -> None:
    """A foreign army's chief, Hindi "एंटी एयरक्राफ्ट सिस्टम", Nepali "ट्यांकसमेत" (tanks, too); a
    country's estimate or assertion is that country speaking."""
    assert expected in _claims(text, language)


def test_the_report_names_the_source_named_before_it() -> None:
    """ "The report" is the report last named ("a declassified US intelligence report … the report
    found"), not the General Staff's by itself."""
    text = (
        "A declassified US intelligence assessment says the war has cost Russia 315,000 troops killed or wounded. "
        "The report found that Russia started the invasion with 3,100 tanks and has lost 2,200 of them."
    )
    assert not [c for c in _claims(text, "en") if c[0] == GS]


def test_a_possessive_particle_past_a_word_of_time() -> None:
    """ "우크라이나군의 하루 전사자" (the Ukrainian army's daily dead): Ukraine's losses, which the
    president states, not the General Staff's count of Russia's."""
    text = "젤렌스키 대통령은 이번 주 우크라이나군의 하루 전사자가 60명에서 100명에 달한다고 말했습니다."
    assert not [c for c in _claims(text, "ko") if c[0] == GS]


def test_wounded_past_an_aside_of_including() -> None:
    """ "1,590 people, including 102 children, were wounded": the wounded, past the aside."""
    text = "The interior ministry said 1,590 people, including 102 children, were wounded in the shelling."
    assert not _claims(text, "en")


def test_a_typo_in_a_list_of_totals_stays_a_total() -> None:
    """ "21,200 killed, 2,162 vehicles, 176 jets, 83 tanks" (838): the list's other items stay
    totals, so the typo is a total too, which check shows as wrong, not another count."""
    text = (
        "Ukraine's General Staff said on 23 April that Russia had lost 21,200 soldiers, 2,162 armoured vehicles, "
        "176 aircraft, 153 helicopters, 83 tanks and 1,523 other vehicles."
    )
    claims = extract(text, language="en", published="2022-04-23").claims
    assert (GS, "tanks", "total", 83) in {(c.source, c.metric, c.kind, c.value) for c in claims}


def test_a_year_and_three_quarters_is_the_whole_war() -> None:
    """ "za poslední rok a tři čtvrtě" in October 2023: the war's length, so its figures are
    totals, not a period's new losses."""
    text = (
        "Rusové podle kyjevského generálního štábu přišli za poslední rok a tři čtvrtě o 300 tisíc vojáků "
        "a 5 200 tanků."
    )
    claims = extract(text, language="cs", published="2023-10-30").claims
    assert {(c.metric, c.kind) for c in claims} == {("personnel", "total"), ("tanks", "total")}


def test_forces_that_speak_past_a_relative_clause() -> None:
    """ "El ejército ruso, que también informó el miércoles, afirma haber destruido …": Russia's
    army speaks (Ukraine's losses as Russia claims them), not the General Staff."""
    text = (
        "Las Fuerzas Armadas de Ucrania sostuvieron el lunes que Rusia ha perdido 3.520 tanques y 305 aviones. "
        "El ejército ruso, que también informó el lunes, afirma haber destruido desde el comienzo de la guerra "
        "412 aviones, 220 helicópteros y 3.400 drones."
    )
    assert {c[3] for c in _claims(text, "es") if c[0] == GS} == {3520, 305}


def test_a_head_of_states_word_is_not_the_countrys() -> None:
    """French puts the adjective after its noun: in "le chef de l'État ukrainien évoque" the head
    of state speaks, not Ukraine's General Staff."""
    text = "Côté russe, le chef de l'État ukrainien évoque déjà 198 000 soldats tués."
    assert not [c for c in _claims(text, "fr") if c[0] == GS]


def test_a_slovak_front_sector_and_its_invaders() -> None:
    """ "Na Pokrovskom smere" names one sector: its day is the sector's tally; "útočníkov"
    (invaders) are soldiers."""
    sector = "Na Pokrovskom smere Rusi za posledný deň stratili 150 vojakov, uviedol generálny štáb."
    assert ("other", "personnel", "increase", 150) in _claims(sector, "sk")
    total = "Podľa generálneho štábu obranné sily od začiatku vojny zlikvidovali približne 245 700 ruských útočníkov."
    assert (GS, "personnel", "total", 245700) in _claims(total, "sk")


def test_prisoners_beside_a_bare_count_are_people() -> None:
    """ "die Zahl der getöteten, verletzten und gefangenen Soldaten mit 712.610 an": prisoners are
    no equipment, so the bare number counts the soldiers; civilian victims are not soldiers."""
    text = "Insgesamt gibt die Ukraine die Zahl der getöteten, verletzten und gefangenen russischen Soldaten mit 712.610 an."
    assert (GS, "personnel", "total", 712610) in _claims(text, "de")
    civilians = "Die Zahl der zivilen Opfer seit Beginn der Invasion gibt die UNO mit 26.717 an."
    assert not _claims(civilians, "de")
    dead_civilians = "Die UN-Beobachter haben bis Ende August 11.743 tote Zivilisten gezählt."
    assert not _claims(dead_civilians, "de")


def test_one_before_an_adjective_or_a_unit() -> None:
    """ "one Russian tank", "one unit of special equipment": counts, not articles."""
    text = (
        "Ukraine's defence forces destroyed one Russian tank, 23 artillery systems, 76 units of automotive "
        "equipment and one unit of special equipment over the past day."
    )
    claims = _claims(text, "en")
    assert {(GS, "tanks", "increase", 1), (GS, "special_equipment", "increase", 1)} <= claims
    assert (GS, "vehicles", "increase", 1) not in claims


def test_forces_that_suffered_are_the_side_that_lost() -> None:
    """ "Las Fuerzas Armadas de Ucrania sufrieron … bajas", said by Shoigu: Ukraine's losses as
    Russia claims them, not the General Staff's."""
    text = "Las Fuerzas Armadas de Ucrania sufrieron más de 13.700 bajas en noviembre, dijo Shoigú."
    assert not [c for c in _claims(text, "es") if c[0] == GS]


def test_a_quotation_closing_on_its_comma_is_its_speakers() -> None:
    """English puts the comma inside the quotation marks: “…,” said Milley. His estimate is his,
    even after a sentence in which Ukraine reported; "five-digit" counts nothing."""
    text = (
        "Both Russia and Ukraine have reported five-digit casualties. “We are dealing with well over 100,000 "
        "Russian soldiers killed and wounded. There is a lot of suffering,” said US General Mark Milley."
    )
    assert _claims(text, "en") == {("other", "personnel", "total", 100000)}


def test_a_night_of_drones_in_slovene() -> None:
    """ "ponoči … sestrelili 14 od 15 dronov": the air defence's night, not the daily statement."""
    text = "Ukrajinski generalštab je sporočil, da so ponoči sestrelili 14 od 15 dronov šahed."
    assert not [c for c in _claims(text, "sl") if c[0] == GS]


def test_indonesian_armoured_personnel_carriers() -> None:
    """ "pengangkut personel bersenjata" carries personnel but is armour; "perang anti-pesawat"
    is air defence."""
    text = (
        "Kementerian Pertahanan Ukraina menyebut Rusia kehilangan 251 tank, 939 pengangkut personel bersenjata "
        "dan 18 perang anti-pesawat."
    )
    claims = _claims(text, "id")
    assert {(GS, "afv", "total", 939), (GS, "air_defense", "total", 18)} <= claims


def test_every_bullet_under_a_header_shares_its_side() -> None:
    """ "Perdas de Kiev em 2025:" heads every bullet line under it, also past a line whose wording
    the vocabulary lacks (Russia's claims of Ukraine's losses, not the General Staff's)."""
    text = (
        "As tropas ucranianas enfrentam problemas em todas as frentes.\n"
        "Perdas de Kiev em 2025:\n- 12 aeronaves;\n- 9.800 drones;\n- 2.310 tanques e veículos blindados de combate;\n"
        "- 31 sistemas lançadores múltiplos de foguetes;\n- 2.950 canhões de artilharia de campo e morteiros."
    )
    assert not [c for c in _claims(text, "pt") if c[0] in (GS, "other")]
