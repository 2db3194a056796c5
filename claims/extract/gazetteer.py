"""A small built-in gazetteer: canonical keys for countries, demonyms and major organisations.

Each row is `key | kind | aliases separated by ";"`. Aliases are compared after
`claims.text.normalize.norm_key`, so "U.S." and "US" are one alias. Demonyms map to their
country so that "Iraqi" and "Iraq" match; they are listed separately because a demonym alone
("Iraqi officials") names a group, not a place.
"""

from __future__ import annotations

from functools import lru_cache

from claims.text.normalize import norm_key

_COUNTRIES = """
afghanistan|Afghanistan|Afghan;Afghans
albania|Albania|Albanian;Albanians
algeria|Algeria|Algerian;Algerians
argentina|Argentina|Argentine;Argentinian;Argentines
armenia|Armenia|Armenian;Armenians
australia|Australia|Australian;Australians
austria|Austria|Austrian;Austrians
azerbaijan|Azerbaijan|Azerbaijani;Azerbaijanis;Azeri;Azeris
bahrain|Bahrain|Bahraini;Bahrainis
bangladesh|Bangladesh|Bangladeshi;Bangladeshis
belarus|Belarus;Byelorussia|Belarusian;Belarusians
belgium|Belgium|Belgian;Belgians
brazil|Brazil|Brazilian;Brazilians
bulgaria|Bulgaria|Bulgarian;Bulgarians
canada|Canada|Canadian;Canadians
chile|Chile|Chilean;Chileans
china|China;People's Republic of China;PRC|Chinese
colombia|Colombia|Colombian;Colombians
croatia|Croatia|Croatian;Croatians;Croat;Croats
cuba|Cuba|Cuban;Cubans
cyprus|Cyprus|Cypriot;Cypriots
czech republic|Czech Republic;Czechia|Czech;Czechs
denmark|Denmark|Danish;Danes
egypt|Egypt|Egyptian;Egyptians
estonia|Estonia|Estonian;Estonians
ethiopia|Ethiopia|Ethiopian;Ethiopians
finland|Finland|Finnish;Finns
france|France;French Republic|French
georgia|Georgia|Georgian;Georgians
germany|Germany;Federal Republic of Germany|German;Germans
greece|Greece|Greek;Greeks
hungary|Hungary|Hungarian;Hungarians
india|India|Indian;Indians
indonesia|Indonesia|Indonesian;Indonesians
iran|Iran;Islamic Republic of Iran;Persia|Iranian;Iranians;Persian
iraq|Iraq;Republic of Iraq|Iraqi;Iraqis
ireland|Ireland;Republic of Ireland|Irish
israel|Israel;State of Israel|Israeli;Israelis
italy|Italy|Italian;Italians
japan|Japan|Japanese
jordan|Jordan;Hashemite Kingdom of Jordan|Jordanian;Jordanians
kazakhstan|Kazakhstan|Kazakh;Kazakhs;Kazakhstani
kenya|Kenya|Kenyan;Kenyans
kuwait|Kuwait|Kuwaiti;Kuwaitis
kyrgyzstan|Kyrgyzstan|Kyrgyz
latvia|Latvia|Latvian;Latvians
lebanon|Lebanon|Lebanese
libya|Libya|Libyan;Libyans
lithuania|Lithuania|Lithuanian;Lithuanians
mexico|Mexico|Mexican;Mexicans
moldova|Moldova|Moldovan;Moldovans
morocco|Morocco|Moroccan;Moroccans
netherlands|Netherlands;The Netherlands;Holland|Dutch
new zealand|New Zealand|New Zealander;New Zealanders
nigeria|Nigeria|Nigerian;Nigerians
north korea|North Korea;DPRK;Democratic People's Republic of Korea|North Korean;North Koreans
norway|Norway|Norwegian;Norwegians
oman|Oman|Omani;Omanis
pakistan|Pakistan|Pakistani;Pakistanis
palestine|Palestine;State of Palestine;Palestinian territories|Palestinian;Palestinians
philippines|Philippines|Filipino;Filipinos;Philippine
poland|Poland|Polish;Poles
portugal|Portugal|Portuguese
qatar|Qatar|Qatari;Qataris
romania|Romania|Romanian;Romanians
russia|Russia;Russian Federation;RF|Russian;Russians
saudi arabia|Saudi Arabia;Kingdom of Saudi Arabia;KSA|Saudi;Saudis
serbia|Serbia|Serbian;Serbians;Serb;Serbs
slovakia|Slovakia|Slovak;Slovaks
south africa|South Africa|South African;South Africans
south korea|South Korea;Republic of Korea;ROK|South Korean;South Koreans
spain|Spain|Spanish;Spaniards
sudan|Sudan|Sudanese
sweden|Sweden|Swedish;Swedes
switzerland|Switzerland|Swiss
syria|Syria;Syrian Arab Republic|Syrian;Syrians
taiwan|Taiwan;Republic of China|Taiwanese
tajikistan|Tajikistan|Tajik;Tajiks
turkey|Turkey;Turkiye;Türkiye;Republic of Turkey|Turkish;Turks
turkmenistan|Turkmenistan|Turkmen
ukraine|Ukraine|Ukrainian;Ukrainians
united arab emirates|United Arab Emirates;UAE;Emirates|Emirati;Emiratis
uk|United Kingdom;UK;U.K.;Britain;Great Britain|British;Briton;Britons
us|United States;United States of America;US;U.S.;USA;U.S.A.;America|American;Americans
uzbekistan|Uzbekistan|Uzbek;Uzbeks
venezuela|Venezuela|Venezuelan;Venezuelans
vietnam|Vietnam;Viet Nam|Vietnamese
yemen|Yemen|Yemeni;Yemenis
"""

_ORGANISATIONS = """
islamic state|group|Islamic State;IS;ISIS;ISIL;Daesh;Daish;Da'esh
islamic state|group|Islamic State of Iraq and the Levant;Islamic State of Iraq and Syria
islamic state|group|Islamic State group;IS group;ISIS group
al-qaeda|group|Al-Qaeda;al Qaeda;Al-Qaida;al Qaida;Al Qa'ida
hamas|group|Hamas
hezbollah|group|Hezbollah;Hizbollah;Hizballah
taliban|group|Taliban
houthis|group|Houthis;Houthi;Ansar Allah
popular mobilization units|organization|Popular Mobilization Units;Popular Mobilization Forces
popular mobilization units|organization|Popular Mobilisation Forces;Popular Mobilisation Units;PMU
popular mobilization units|organization|PMF;Hashd al-Shaabi;al-Hashd al-Shaabi
kurdistan regional government|organization|Kurdistan Regional Government;KRG
us state department|organization|State Department;US State Department;Department of State
us state department|organization|US Department of State;United States Department of State
us state department|organization|State Dept
us department of defense|organization|Pentagon;Department of Defense;US Department of Defense
us department of defense|organization|Defense Department;US Defense Department;DoD
white house|organization|White House
kremlin|organization|Kremlin
cia|organization|CIA;Central Intelligence Agency
fbi|organization|FBI;Federal Bureau of Investigation
russian foreign ministry|organization|Russian Foreign Ministry;Russian Ministry of Foreign Affairs
russian foreign ministry|organization|Foreign Ministry of Russia
russian foreign ministry|organization|Ministry of Foreign Affairs of Russia;Russian MFA
russian defense ministry|organization|Russian Defense Ministry;Russian Defence Ministry
russian defense ministry|organization|Russian Ministry of Defense;Ministry of Defense of Russia
united nations|organization|United Nations;UN;U.N.
un security council|organization|UN Security Council;United Nations Security Council;UNSC
nato|organization|NATO;North Atlantic Treaty Organization;North Atlantic Alliance
european union|organization|European Union;EU
european commission|organization|European Commission
world health organization|organization|World Health Organization;WHO
international monetary fund|organization|International Monetary Fund;IMF
world bank|organization|World Bank
opec|organization|OPEC;Organization of the Petroleum Exporting Countries
institute for the study of war|organization|Institute for the Study of War;ISW
reuters|organization|Reuters;Thomson Reuters
associated press|organization|Associated Press;AP
agence france-presse|organization|Agence France-Presse;AFP
bbc|organization|BBC;British Broadcasting Corporation
cnn|organization|CNN
tass|organization|TASS;ITAR-TASS
ria novosti|organization|RIA Novosti;RIA
interfax|organization|Interfax
rt|organization|RT;Russia Today
al jazeera|organization|Al Jazeera;Al-Jazeera;Aljazeera
new york times|organization|New York Times;NYT
washington post|organization|Washington Post
gazprom neft|organization|Gazprom Neft
lukoil|organization|Lukoil
rosneft|organization|Rosneft
gazprom|organization|Gazprom
izvestia|organization|Izvestia
kommersant|organization|Kommersant
vedomosti|organization|Vedomosti
sputnik|organization|Sputnik
shafaq news|organization|Shafaq News;Shafaq
al iraqiya|organization|Al Iraqiya;Al-Iraqiya;Iraqiya TV
rybar|organization|Rybar
telegram|organization|Telegram
"""

_PLACES = """
moscow;baghdad;washington;tehran;damascus;kyiv;kiev;london;paris;beijing;berlin;ankara;riyadh
erbil;kirkuk;mosul;basra;anbar;fallujah;tikrit;najaf;karbala;aleppo;idlib;raqqa;homs;beirut
jerusalem;gaza;tel aviv;cairo;doha;abu dhabi;dubai;istanbul;brussels;geneva;vienna;minsk
st petersburg;kurdistan;iraqi kurdistan;middle east;gulf;persian gulf;europe;asia;africa
new york;crimea;donbas;donbass;ground zero;syria;levant
"""

_US_STATES = """
alabama;alaska;arizona;arkansas;california;colorado;connecticut;delaware;florida;hawaii;idaho
illinois;indiana;iowa;kansas;kentucky;louisiana;maine;maryland;massachusetts;michigan;minnesota
mississippi;missouri;montana;nebraska;nevada;new hampshire;new jersey;new mexico;north carolina
north dakota;ohio;oklahoma;oregon;pennsylvania;rhode island;south carolina;south dakota
tennessee;texas;utah;vermont;virginia;west virginia;wisconsin;wyoming
"""
"""The states of the United States whose names name nothing else first: Georgia is the
country above, Washington and New York the cities."""


@lru_cache(maxsize=1)
def aliases() -> dict[str, tuple[str, str]]:
    """Map a normalised alias to (canonical key, kind)."""
    table: dict[str, tuple[str, str]] = {}
    for line in _COUNTRIES.strip().splitlines():
        key, names, _ = line.split("|")
        for name in names.split(";"):
            table[norm_key(name)] = (key, "place")
        table[key] = (key, "place")
    for line in _ORGANISATIONS.strip().splitlines():
        key, kind, names = line.split("|")
        for name in names.split(";"):
            table[norm_key(name)] = (key, kind)
        table[key] = (key, kind)
    for name in (_PLACES + _US_STATES).replace("\n", ";").split(";"):
        if name.strip():
            table.setdefault(norm_key(name), (norm_key(name), "place"))
    return table


@lru_cache(maxsize=1)
def country_keys() -> frozenset[str]:
    """The canonical keys of the countries."""
    return frozenset(line.split("|")[0] for line in _COUNTRIES.strip().splitlines())


@lru_cache(maxsize=1)
def us_state_keys() -> frozenset[str]:
    """The keys of the states of the United States (`_US_STATES`)."""
    return frozenset(norm_key(name) for name in _US_STATES.replace("\n", ";").split(";") if name)


@lru_cache(maxsize=1)
def demonyms() -> dict[str, str]:
    """Map a normalised demonym ("iraqi", "north korean") to its country key."""
    table: dict[str, str] = {}
    for line in _COUNTRIES.strip().splitlines():
        key, _, words = line.split("|")
        for word in words.split(";"):
            table[norm_key(word)] = key
    return table


@lru_cache(maxsize=1)
def canonical_keys() -> frozenset[str]:
    """Every canonical key the gazetteer knows (distinct keys are distinct entities)."""
    return frozenset(key for key, _ in aliases().values())
