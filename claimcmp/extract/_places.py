"""A built-in gazetteer: countries, their demonyms, and common organisations.

Each entry maps a canonical side name ("Russia", "OPCW") to the phrases that
point at it in official prose: the full name, short forms, the demonym
("Russian") and institutions that speak for it ("the Kremlin"). Written for
claimcmp; extend it per corpus with a sides file instead of editing here.
"""

from __future__ import annotations

import re
from functools import lru_cache

__all__ = ["GAZETTEER", "gazetteer_pattern", "lookup_place"]

# canonical | alias | alias ... ; one entry per line. Demonyms count as aliases.
_COUNTRIES = """
Afghanistan|Afghan
Albania|Albanian
Algeria|Algerian
Andorra|Andorran
Angola|Angolan
Antigua and Barbuda|Antiguan
Argentina|Argentine|Argentinian
Armenia|Armenian
Australia|Australian|Commonwealth of Australia
Austria|Austrian
Azerbaijan|Azerbaijani|Azerbaijan Republic
Bahamas|Bahamian|The Bahamas
Bahrain|Bahraini|Kingdom of Bahrain
Bangladesh|Bangladeshi
Barbados|Barbadian
Belarus|Belarusian|Republic of Belarus
Belgium|Belgian|Kingdom of Belgium
Belize|Belizean
Benin|Beninese
Bhutan|Bhutanese
Bolivia|Bolivian
Bosnia and Herzegovina|Bosnian
Botswana|Motswana
Brazil|Brazilian|Federative Republic of Brazil
Brunei|Bruneian|Brunei Darussalam
Bulgaria|Bulgarian
Burkina Faso|Burkinabe|Burkinabè
Burundi|Burundian
Cabo Verde|Cape Verde|Cape Verdean|Cabo Verdean
Cambodia|Cambodian|Kingdom of Cambodia
Cameroon|Cameroonian
Canada|Canadian
Central African Republic|Central African
Chad|Chadian
Chile|Chilean
China|Chinese|People's Republic of China|People’s Republic of China|PRC|Beijing
Colombia|Colombian
Comoros|Comorian
Costa Rica|Costa Rican
Croatia|Croatian
Cuba|Cuban
Cyprus|Cypriot
Czech Republic|Czechia|Czech
Côte d'Ivoire|Cote d'Ivoire|Ivory Coast|Ivorian
Denmark|Danish|Kingdom of Denmark
Djibouti|Djiboutian
Dominica|Dominican Commonwealth
Dominican Republic|Dominican
DR Congo|Democratic Republic of the Congo|DRC|Congolese|Kinshasa
Ecuador|Ecuadorian
Egypt|Egyptian|Arab Republic of Egypt
El Salvador|Salvadoran|Salvadorean
Equatorial Guinea|Equatoguinean
Eritrea|Eritrean
Estonia|Estonian
Eswatini|Swazi|Kingdom of Eswatini
Ethiopia|Ethiopian
Fiji|Fijian
Finland|Finnish
France|French|French Republic|Élysée|Elysee
Gabon|Gabonese
Gambia|Gambian|The Gambia
Georgia|Georgian
Germany|German|Federal Republic of Germany|Berlin
Ghana|Ghanaian
Greece|Greek|Hellenic Republic
Grenada|Grenadian
Guatemala|Guatemalan
Guinea|Guinean
Guinea-Bissau|Bissau-Guinean
Guyana|Guyanese|Co-operative Republic of Guyana|Cooperative Republic of Guyana
Haiti|Haitian
Holy See|Vatican
Honduras|Honduran
Hungary|Hungarian
Iceland|Icelandic
India|Indian|Republic of India|New Delhi
Indonesia|Indonesian|Republic of Indonesia
Iran|Iranian|Islamic Republic of Iran|Tehran
Iraq|Iraqi|Republic of Iraq
Ireland|Irish
Israel|Israeli|State of Israel
Italy|Italian|Italian Republic
Jamaica|Jamaican
Japan|Japanese|Tokyo
Jordan|Jordanian|Hashemite Kingdom of Jordan
Kazakhstan|Kazakh|Kazakhstani|Republic of Kazakhstan
Kenya|Kenyan
Kiribati
Kosovo|Kosovar|Republic of Kosovo
Kuwait|Kuwaiti|State of Kuwait
Kyrgyzstan|Kyrgyz
Laos|Lao|Lao PDR|Lao People's Democratic Republic
Latvia|Latvian
Lebanon|Lebanese
Lesotho|Basotho
Liberia|Liberian
Libya|Libyan
Liechtenstein
Lithuania|Lithuanian
Luxembourg|Luxembourgish
Madagascar|Malagasy
Malawi|Malawian
Malaysia|Malaysian
Maldives|Maldivian
Mali|Malian
Malta|Maltese
Marshall Islands|Marshallese
Mauritania|Mauritanian
Mauritius|Mauritian
Mexico|Mexican|United Mexican States
Micronesia|Micronesian|Federated States of Micronesia
Moldova|Moldovan|Republic of Moldova
Monaco|Monegasque
Mongolia|Mongolian
Montenegro|Montenegrin
Morocco|Moroccan|Kingdom of Morocco
Mozambique|Mozambican
Myanmar|Burmese|Burma
Namibia|Namibian
Nauru|Nauruan
Nepal|Nepali|Nepalese
Netherlands|Dutch|Kingdom of the Netherlands|the Netherlands
New Zealand|New Zealander
Nicaragua|Nicaraguan
Niger|Nigerien
Nigeria|Nigerian
North Korea|DPRK|Democratic People's Republic of Korea|Democratic People’s Republic of Korea|North Korean
North Macedonia|Macedonian
Norway|Norwegian
Oman|Omani|Sultanate of Oman
Pakistan|Pakistani|Islamic Republic of Pakistan
Palau|Palauan
Palestine|Palestinian|State of Palestine|Palestinian Authority
Panama|Panamanian
Papua New Guinea|Papua New Guinean|PNG
Paraguay|Paraguayan
Peru|Peruvian
Philippines|Filipino|Philippine|the Philippines
Poland|Polish|Republic of Poland
Portugal|Portuguese|Portuguese Republic
Qatar|Qatari|State of Qatar
Republic of the Congo|Congo-Brazzaville|Brazzaville
Romania|Romanian
Russia|Russian|Russian Federation|the Russian Federation|Kremlin|Moscow
Rwanda|Rwandan
Saint Kitts and Nevis
Saint Lucia|Saint Lucian
Saint Vincent and the Grenadines|Vincentian
Samoa|Samoan
San Marino|Sammarinese
Sao Tome and Principe|São Tomé and Príncipe
Saudi Arabia|Saudi|Kingdom of Saudi Arabia
Senegal|Senegalese
Serbia|Serbian|Republic of Serbia
Seychelles|Seychellois
Sierra Leone|Sierra Leonean
Singapore|Singaporean|Republic of Singapore
Slovakia|Slovak|Slovak Republic
Slovenia|Slovenian|Slovene
Solomon Islands|Solomon Islander
Somalia|Somali
South Africa|South African|Republic of South Africa
South Korea|Republic of Korea|ROK|South Korean|Korean|Seoul
South Sudan|South Sudanese
Spain|Spanish|Kingdom of Spain
Sri Lanka|Sri Lankan
Sudan|Sudanese
Suriname|Surinamese
Sweden|Swedish|Kingdom of Sweden
Switzerland|Swiss|Swiss Confederation
Syria|Syrian|Syrian Arab Republic|Damascus
Taiwan|Taiwanese
Tajikistan|Tajik
Tanzania|Tanzanian
Thailand|Thai|Kingdom of Thailand
Timor-Leste|East Timor|Timorese
Togo|Togolese
Tonga|Tongan
Trinidad and Tobago|Trinidadian|Tobagonian
Tunisia|Tunisian
Turkey|Türkiye|Turkish|Republic of Türkiye
Turkmenistan|Turkmen
Tuvalu|Tuvaluan
Uganda|Ugandan
Ukraine|Ukrainian|Kyiv|Kiev
United Arab Emirates|UAE|Emirati
United Kingdom|UK|U.K.|Britain|Great Britain|British|Downing Street|Foreign, Commonwealth and Development Office|Foreign, Commonwealth & Development Office|Foreign and Commonwealth Office|FCDO
United States|United States of America|US|U.S.|USA|U.S.A.|America|American|White House|Department of State|State Department|Pentagon|Washington
Uruguay|Uruguayan
Uzbekistan|Uzbek|Republic of Uzbekistan
Vanuatu|Ni-Vanuatu
Venezuela|Venezuelan
Vietnam|Viet Nam|Vietnamese
Yemen|Yemeni
Zambia|Zambian
Zimbabwe|Zimbabwean
"""

_ORGANISATIONS = """
OPCW|Organisation for the Prohibition of Chemical Weapons|Organization for the Prohibition of Chemical Weapons|OPCW Technical Secretariat|Technical Secretariat
UN|United Nations|U.N.|UN Secretariat|United Nations Secretariat
UN Security Council|Security Council|UNSC
IAEA|International Atomic Energy Agency
WHO|World Health Organization|World Health Organisation
NATO|North Atlantic Treaty Organization|North Atlantic Treaty Organisation|Alliance
EU|European Union|European Commission|Council of the European Union|European Council|European External Action Service|EEAS
African Union|AU|African Union Commission
ASEAN|Association of Southeast Asian Nations
OSCE|Organization for Security and Co-operation in Europe|Organization for Security and Cooperation in Europe
Council of Europe
IMF|International Monetary Fund
World Bank|World Bank Group
WTO|World Trade Organization|World Trade Organisation
UNESCO|United Nations Educational, Scientific and Cultural Organization
UNICEF|United Nations Children's Fund
UNHCR|UN Refugee Agency|Office of the United Nations High Commissioner for Refugees
ICRC|International Committee of the Red Cross
OECD|Organisation for Economic Co-operation and Development|Organization for Economic Cooperation and Development
G7|Group of Seven
G20|Group of Twenty
Arab League|League of Arab States
Gulf Cooperation Council|GCC
CTBTO|Comprehensive Nuclear-Test-Ban Treaty Organization
ICC|International Criminal Court
Interpol|INTERPOL
"""


def _parse(block: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, tuple[str, ...]] = {}
    for line in block.strip().splitlines():
        names = [part.strip() for part in line.split("|") if part.strip()]
        table[names[0]] = tuple(names)
    return table


#: canonical side name -> aliases (the canonical name first). Countries, then organisations.
GAZETTEER: dict[str, tuple[str, ...]] = {**_parse(_COUNTRIES), **_parse(_ORGANISATIONS)}

# Aliases matched case-sensitively (acronyms, capitalised names); a few are too
# ambiguous alone and only count in a longer phrase.
_AMBIGUOUS = {"Alliance", "Technical Secretariat", "Security Council", "Washington", "Georgia", "Jordan", "Chad"}


@lru_cache(maxsize=1)
def _alias_index() -> tuple[re.Pattern[str], dict[str, str]]:
    index: dict[str, str] = {}
    for canonical, aliases in GAZETTEER.items():
        for alias in aliases:
            if alias in _AMBIGUOUS and alias != canonical:
                continue
            index.setdefault(alias, canonical)
            if alias.startswith("the "):
                index.setdefault(alias[4:], canonical)
    names = sorted(index, key=len, reverse=True)
    body = "|".join(re.escape(name) for name in names)
    pattern = re.compile(rf"(?<![\w.])(?:{body})(?:[’']s)?(?![\w])")
    return pattern, index


def gazetteer_pattern() -> re.Pattern[str]:
    """A compiled regex matching any gazetteer alias (optionally with a possessive 's)."""
    return _alias_index()[0]


def lookup_place(phrase: str) -> str | None:
    """The canonical side name of a gazetteer alias (``"Russian"`` -> ``"Russia"``), else None."""
    index = _alias_index()[1]
    key = re.sub(r"[’']s$", "", phrase.strip())
    if key in index:
        return index[key]
    if key.startswith("the ") and key[4:] in index:
        return index[key[4:]]
    return None
