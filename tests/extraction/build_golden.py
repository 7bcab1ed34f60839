"""Write tests/golden/extraction/<lang>.jsonl from the cases below (run: python tests/extraction/build_golden.py).

Each case is a text and the claims it states; a claim names its evidence by a substring of the
text (the number and its term, or the number alone), from which the exact character span is
computed here — the expected spans are written by hand, not taken from the extractor.  Cases
cover the phenomena per language (separators, scale words, words, qualifiers, increases,
attribution, non-claims), beyond ../shared/articles/dev.jsonl.
"""

from __future__ import annotations

import json
from pathlib import Path

OUT = Path(__file__).resolve().parents[1] / "golden" / "extraction"

# (text, [(evidence, metric, value, kind, qualifier, source)], options)
Case = tuple[str, list[tuple[str, str, int, str, str, str]], dict]

GS = "general-staff"

CASES: dict[str, list[Case]] = {
    "en": [
        ("Ukraine's General Staff said on Friday that Russia had lost 1,210 troops over the past day, bringing total losses to about 400,300.",
         [("1,210 troops", "personnel", 1210, "increase", "exact", GS), ("400,300", "personnel", 400300, "total", "about", GS)], {}),
        ("Russian forces also lost six more tanks and 23 artillery systems, the General Staff reported.",
         [("six more tanks", "tanks", 6, "increase", "exact", GS), ("23 artillery systems", "artillery", 23, "increase", "exact", GS)], {}),
        ("Kyiv's military says Russia has lost 1.2 million troops since the invasion began.",
         [("1.2 million troops", "personnel", 1200000, "total", "exact", GS)], {}),
        ("On day 723 of the war, the General Staff put Russian losses at 6,465 tanks and 12,129 armoured combat vehicles.",
         [("6,465 tanks", "tanks", 6465, "total", "exact", GS), ("12,129 armoured combat vehicles", "afv", 12129, "total", "exact", GS)], {"ignored": [723]}),
        ("Oryx, which counts only visually confirmed losses, has documented 3,000 destroyed Russian tanks.",
         [("3,000 destroyed Russian tanks", "tanks", 3000, "total", "exact", "oryx")], {}),
        ("Russia's defence ministry said in September 2022 that 5,937 of its soldiers had been killed.",
         [("5,937 of its soldiers", "personnel", 5937, "total", "exact", "russian-mod")], {"ignored": [2022]}),
        ("President Zelensky said 31,000 Ukrainian soldiers had been killed since the start of the war.",
         [("31,000 Ukrainian soldiers", "personnel", 31000, "total", "exact", "ukraine-own")], {}),
        ("British intelligence estimates that Russia has suffered around 450,000 casualties.",
         [("450,000 casualties", "personnel", 450000, "total", "about", "other")], {}),
        ("The US has pledged $2.5 billion in aid, and 30% of the front is now mined.", [], {"ignored": [30]}),
        ("The General Staff figures: personnel — about 400\u00a0300 (+1\u2009210), tanks — 6\u202f465 (+23).",
         [("personnel — about 400\u00a0300", "personnel", 400300, "total", "about", GS), ("1\u2009210", "personnel", 1210, "increase", "exact", GS),
          ("tanks — 6\u202f465", "tanks", 6465, "total", "exact", GS), ("23", "tanks", 23, "increase", "exact", GS)], {}),
        ("Russia lost 1,100 soldiers in a single day, the Ukrainian military said.",
         [("1,100 soldiers", "personnel", 1100, "increase", "exact", GS)], {}),
        ("Mediazona has confirmed the names of 75,329 Russian servicemen killed in Ukraine.",
         [("75,329 Russian servicemen", "personnel", 75329, "total", "exact", "mediazona")], {}),
        ("Russia does not disclose its casualty numbers; the BBC and Mediazona have confirmed the names of 200,186 soldiers.",
         [("200,186 soldiers", "personnel", 200186, "total", "exact", "mediazona")], {}),
        ("Overnight Russia launched 145 drones and 3 missiles at Ukrainian cities, the air force said.", [], {}),
        ("Russia's defence ministry claimed that the enemy lost up to 1,500 servicemen over the past day.", [], {}),
        ("Ukraine's General Staff reported on Feb. 16, 2024, that Russia has lost 400,300 troops.",
         [("400,300 troops", "personnel", 400300, "total", "exact", GS)], {"as_of": "2024-02-16", "ignored": [16, 2024]}),
        ("The total combat losses of the enemy from February 24, 2022 to February 16, 2024 were approximately: personnel – about 400,300 (+1,210) people, tanks – 6,465 (+23).",
         [("personnel – about 400,300", "personnel", 400300, "total", "about", GS), ("1,210", "personnel", 1210, "increase", "exact", GS),
          ("tanks – 6,465", "tanks", 6465, "total", "exact", GS), ("23", "tanks", 23, "increase", "exact", GS)], {"as_of": "2024-02-16"}),
        ("Russia is losing about 1,000 soldiers a day, according to Ukraine's military.",
         [("1,000 soldiers", "personnel", 1000, "increase", "about", GS)], {}),
        ("Two days ago the General Staff said Russia had lost 400,300 troops.",
         [("400,300 troops", "personnel", 400300, "total", "exact", GS)], {"published": "2024-02-18", "as_of": "2024-02-16"}),
        ("This Friday the General Staff said Russia had lost 400,300 troops.",
         [("400,300 troops", "personnel", 400300, "total", "exact", GS)], {"published": "2024-02-17", "as_of": "2024-02-16"}),
        ("Full-width digits: the General Staff reported ４００３００ soldiers lost.",
         [("４００３００ soldiers", "personnel", 400300, "total", "exact", GS)], {}),
    ],
    "uk": [
        ("За даними Генштабу, втрати ворога за добу склали 1 210 осіб, а загалом — близько 400 300 осіб.",
         [("1 210 осіб", "personnel", 1210, "increase", "exact", GS), ("400 300 осіб", "personnel", 400300, "total", "about", GS)], {}),
        ("Повітряні сили: вночі росіяни атакували 145 дронами, 130 з них збито.", [], {"ignored": [145, 130]}),
        ("Сили оборони знищили ще шість танків, повідомив Генштаб.",
         [("шість танків", "tanks", 6, "increase", "exact", GS)], {}),
        ("Генштаб ЗСУ: загальні бойові втрати ворога сягнули 646 тис. 400 осіб.",
         [("646 тис. 400 осіб", "personnel", 646400, "total", "exact", GS)], {}),
        ("Втрати ворога на 16 лютого: особовий склад — близько 400 300 осіб (+1210), танки — 6465 (+23).",
         [("400 300 осіб", "personnel", 400300, "total", "about", GS), ("1210", "personnel", 1210, "increase", "exact", GS),
          ("танки — 6465", "tanks", 6465, "total", "exact", GS), ("23", "tanks", 23, "increase", "exact", GS)], {"as_of": "2024-02-16"}),
        ("Зеленський заявив, що загинули 46 тисяч українських військових.",
         [("46 тисяч українських військових", "personnel", 46000, "total", "exact", "ukraine-own")], {}),
        # three tanks a brigade destroyed are a new loss, never a running total (too small for one)
        ("Генштаб повідомив, що 155-та окрема механізована бригада знищила 3 танки.",
         [("3 танки", "tanks", 3, "increase", "exact", GS)], {"ignored": [155]}),
    ],
    "ru": [
        ("По данным Генштаба ВСУ, с начала вторжения Россия потеряла около 1,475 млн военных, из них 1240 за минувшие сутки.",
         [("1,475 млн военных", "personnel", 1475000, "total", "about", GS), ("1240", "personnel", 1240, "increase", "exact", GS)], {}),
        ("Медиазона и Би-би-си установили имена 200 186 российских военных.",
         [("200 186 российских военных", "personnel", 200186, "total", "exact", "mediazona")], {}),
        ("По данным Генштаба ВСУ, с начала вторжения Россия потеряла около 400 300 военных, из них 1 210 — за последние сутки.",
         [("400 300 военных", "personnel", 400300, "total", "about", GS), ("1 210", "personnel", 1210, "increase", "exact", GS)], {}),
        ("«Медиазона» установила имена 43 460 погибших российских военных.",
         [("43 460 погибших", "personnel", 43460, "total", "exact", "mediazona")], {}),
        ("Минобороны России заявило, что за сутки уничтожило 3 украинских танка.", [], {}),
        ("Потери России на 16 февраля 2024 года — около 400 300 военных. За сутки ВСУ уничтожили 1 210 оккупантов.",
         [("400 300 военных", "personnel", 400300, "total", "about", GS), ("1 210 оккупантов", "personnel", 1210, "increase", "exact", GS)],
         {"as_of": "2024-02-16"}),
        ("Минобороны России: противник за сутки потерял до 1 500 военнослужащих.", [], {}),
        ("Шойгу заявил, что с начала операции погибли 5 937 российских военнослужащих.",
         [("5 937 российских военнослужащих", "personnel", 5937, "total", "exact", "russian-mod")], {}),
    ],
    "de": [
        ("Die BBC und Mediazona haben 200.186 russische Soldaten namentlich identifiziert.",
         [("200.186 russische Soldaten", "personnel", 200186, "total", "exact", "mediazona")], {}),
        ("Der Generalstab in Kiew meldet 880.160 getötete oder verwundete russische Soldaten seit Kriegsbeginn.",
         [("880.160 getötete", "personnel", 880160, "total", "exact", GS)], {}),
        ("Die ukrainische Luftwaffe hat nach eigenen Angaben in der Nacht 42 von 50 russischen Drohnen abgeschossen.", [], {"ignored": [42, 50]}),
        ("Seit Beginn des Krieges hat Russland laut Kiew rund 400.300 Soldaten verloren – allein am Freitag 1.210.",
         [("400.300 Soldaten", "personnel", 400300, "total", "about", GS), ("1.210", "personnel", 1210, "increase", "exact", GS)],
         {"published": "2024-02-16", "as_of": "2024-02-16"}),
        ("Laut Generalstab verlor Russland in den vergangenen 24 Stunden 1.210 Soldaten. Insgesamt seien es rund 400.300 Soldaten.",
         [("1.210 Soldaten", "personnel", 1210, "increase", "exact", GS), ("400.300 Soldaten", "personnel", 400300, "total", "about", GS)], {"ignored": [24]}),
        ("Der Generalstab meldet 6.465 zerstörte Panzer und 12.129 Schützenpanzer.",
         [("6.465 zerstörte Panzer", "tanks", 6465, "total", "exact", GS), ("12.129 Schützenpanzer", "afv", 12129, "total", "exact", GS)], {}),
    ],
    "fr": [
        ("Jeudi, l'état-major ukrainien a indiqué que l'armée russe avait perdu 1 160 soldats ces dernières 24 heures, ce qui porte à environ 845 000 le nombre total de morts.",
         [("1 160 soldats", "personnel", 1160, "increase", "exact", GS), ("845 000 le nombre total de morts", "personnel", 845000, "total", "about", GS)], {}),
        ("Le ministère russe de la Défense a affirmé que l'armée ukrainienne avait perdu jusqu'à 1 500 militaires au cours des dernières 24 heures.", [], {"ignored": [1500]}),
        ("Selon l'état-major ukrainien, la Russie a perdu 1\u00a0210 soldats ces dernières 24 heures, ce qui porte le total à environ 400\u00a0300 soldats.",
         [("1\u00a0210 soldats", "personnel", 1210, "increase", "exact", GS), ("400\u00a0300 soldats", "personnel", 400300, "total", "about", GS)], {}),
    ],
    "es": [
        ("El Ministerio de Defensa ruso aseguró que el enemigo perdió hasta 1.500 soldados en las últimas 24 horas.", [], {"ignored": [1500]}),
        ("Zelenski reconoció que 31.000 soldados ucranianos han muerto desde el inicio de la guerra.",
         [("31.000 soldados", "personnel", 31000, "total", "exact", "ukraine-own")], {}),
        ("Según el Estado Mayor ucraniano, Rusia ha perdido 6.465 tanques y 12.129 vehículos blindados desde el inicio de la guerra.",
         [("6.465 tanques", "tanks", 6465, "total", "exact", GS), ("12.129 vehículos blindados", "afv", 12129, "total", "exact", GS)], {}),
        ("El Estado Mayor de Ucrania cifra en 1,2 millones los soldados rusos muertos o heridos.",
         [("1,2 millones los soldados rusos", "personnel", 1200000, "total", "exact", GS)], {}),
    ],
    "it": [
        ("Secondo il ministero della Difesa russo, le forze ucraine hanno perso 1.500 militari e 3 carri armati nelle ultime 24 ore.", [], {"ignored": [1500, 3]}),
        ("Zelensky ha detto che 31.000 soldati ucraini sono stati uccisi.", [("31.000 soldati", "personnel", 31000, "total", "exact", "ukraine-own")], {}),
        ("Secondo lo Stato Maggiore, la Russia ha perso 400 mila soldati dall'inizio della guerra.",
         [("400 mila soldati", "personnel", 400000, "total", "exact", GS)], {}),
        ("Lo Stato Maggiore ucraino elenca oltre 6.000 carri armati e 12.000 mezzi corazzati distrutti.",
         [("6.000 carri armati", "tanks", 6000, "total", "more_than", GS), ("12.000 mezzi corazzati", "afv", 12000, "total", "more_than", GS)], {}),
    ],
    "pt": [
        ("O Estado-Maior informou que 1.280 soldados russos foram mortos no domingo, o que eleva o total para 880.160. O site Mediazona situa o total de militares russos mortos em 95 mil.",
         [("1.280 soldados", "personnel", 1280, "increase", "exact", GS), ("880.160", "personnel", 880160, "total", "exact", GS),
          ("95 mil", "personnel", 95000, "total", "exact", "mediazona")], {}),
        ("Segundo o Ministério da Defesa russo, as forças ucranianas perderam 1.500 militares nas últimas 24 horas.", [], {"ignored": [1500]}),
        ("Segundo o Estado-Maior ucraniano, a Rússia perdeu 1.210 militares nas últimas 24 horas e mais 23 tanques.",
         [("1.210 militares", "personnel", 1210, "increase", "exact", GS), ("23 tanques", "tanks", 23, "increase", "exact", GS)], {}),
    ],
    "pl": [
        ("Ukraińscy żołnierze zniszczyli również 9 czołgów (łącznie od wybuchu wojny 10 280), podał Sztab Generalny.",
         [("9 czołgów", "tanks", 9, "increase", "exact", GS), ("10 280", "tanks", 10280, "total", "exact", GS)], {}),
        ("Według rosyjskiego ministerstwa obrony Ukraina straciła w ciągu doby 1500 żołnierzy.", [], {"ignored": [1500]}),
        ("Sztab Generalny podał, że Rosja straciła 400 300 żołnierzy, w tym 1210 w ciągu ostatniej doby.",
         [("400 300 żołnierzy", "personnel", 400300, "total", "exact", GS), ("1210", "personnel", 1210, "increase", "exact", GS)], {}),
        ("Według Sztabu Generalnego Rosja straciła już 1,18 mln żołnierzy.",
         [("1,18 mln żołnierzy", "personnel", 1180000, "total", "exact", GS)], {}),
    ],
    "tr": [
        ("Rusya Savunma Bakanlığı, Ukrayna ordusunun son 24 saatte 1500 asker kaybettiğini açıkladı.", [], {"ignored": [1500]}),
        ("Ukrayna Genelkurmay Başkanlığına göre Rus ordusu son 24 saatte 1210 asker daha kaybetti.",
         [("1210 asker", "personnel", 1210, "increase", "exact", GS)], {}),
        ("Ukrayna Genelkurmay Başkanlığı, Rus ordusunun toplam asker kaybının 377 bin 820 olduğunu açıkladı.",
         [("377 bin 820", "personnel", 377820, "total", "exact", GS)], {}),
    ],
    "ar": [
        ("وقالت وزارة الدفاع الروسية إن الجيش الأوكراني خسر 1500 جندي خلال الساعات الـ24 الماضية.", [], {"ignored": [1500]}),
        ("قالت هيئة الأركان العامة الأوكرانية إن خسائر الجيش الروسي بلغت نحو مليون و182 ألفاً و610 عسكريين.",
         [("مليون و182 ألفاً و610 عسكريين", "personnel", 1182610, "total", "about", GS)], {}),
        ("وأفادت هيئة الأركان بأن القوات الأوكرانية دمرت ٦٤٦٥ دبابة وغواصتين.",
         [("٦٤٦٥ دبابة", "tanks", 6465, "total", "exact", GS), ("وغواصتين", "submarines", 2, "total", "exact", GS)], {}),
    ],
    "fa": [
        ("ستاد کل ارتش اوکراین اعلام کرد بیش از ۱۳۰ هزار نظامی روس کشته شده اند.",
         [("۱۳۰ هزار نظامی روس", "personnel", 130000, "total", "more_than", GS)], {}),
    ],
}  # fmt: skip


def build() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for lang, cases in CASES.items():
        lines = []
        for text, claims, opts in cases:
            rows = []
            for evidence, metric, value, kind, qualifier, source in claims:
                start = text.index(evidence)
                rows.append(
                    {
                        "metric": metric,
                        "value": value,
                        "kind": kind,
                        "qualifier": qualifier,
                        "source": source,
                        "span": [start, start + len(evidence)],
                    }
                )
            case = {
                "language": lang,
                "text": text,
                "published": opts.get("published"),
                "claims": rows,
                "ignored_values": opts.get("ignored", []),
            }
            if "as_of" in opts:  # only where the case states it: test_golden checks it then
                case["as_of"] = opts["as_of"]
            lines.append(json.dumps(case, ensure_ascii=False))
        (OUT / f"{lang}.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")


if __name__ == "__main__":
    build()
