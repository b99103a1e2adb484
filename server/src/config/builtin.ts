// The built-in style, copydesk:recommended, as data in the same shape as a .copydesk.yaml:
// every built-in rule on at its declared default severity and options, plus the house lists.
// Modelled on the wire style of the example story: "SHYMKENT, Kazakhstan -- ", organisations
// spelled out at first use with the acronym in brackets, every quotation attributed.

import { builtInRules } from '../runner/style.js';
import type { RawConfig } from './raw.js';
import { WELL_KNOWN_INITIALS } from './well-known-initials.js';

export const RECOMMENDED_NAME = 'copydesk:recommended';

/** Capital cities and world cities that wires date-line without a region or country. */
const STANDALONE_CITIES = [
  'ABU DHABI', 'ALGIERS', 'AMMAN', 'AMSTERDAM', 'ANKARA', 'ATHENS', 'ATLANTA', 'BAGHDAD', 'BAKU', 'BALTIMORE',
  'BANGKOK', 'BEIJING', 'BEIRUT', 'BELGRADE', 'BERLIN', 'BERN', 'BOGOTA', 'BOSTON', 'BRASILIA', 'BRUSSELS',
  'BUCHAREST', 'BUDAPEST', 'BUENOS AIRES', 'CAIRO', 'CANBERRA', 'CARACAS', 'CHICAGO', 'CINCINNATI', 'CLEVELAND',
  'COPENHAGEN', 'DALLAS', 'DAMASCUS', 'DENVER', 'DETROIT', 'DHAKA', 'DOHA', 'DUBAI', 'DUBLIN', 'FRANKFURT',
  'GENEVA', 'HANOI', 'HAVANA', 'HELSINKI', 'HONG KONG', 'HONOLULU', 'HOUSTON', 'INDIANAPOLIS', 'ISLAMABAD',
  'ISTANBUL', 'JAKARTA', 'JERUSALEM', 'JOHANNESBURG', 'KABUL', 'KARACHI', 'KATHMANDU', 'KUALA LUMPUR',
  'KUWAIT CITY', 'KYIV', 'LAGOS', 'LAS VEGAS', 'LIMA', 'LISBON', 'LONDON', 'LOS ANGELES', 'LUXEMBOURG', 'MADRID',
  'MANILA', 'MEXICO CITY', 'MIAMI', 'MILAN', 'MILWAUKEE', 'MINNEAPOLIS', 'MINSK', 'MONACO', 'MONTREAL', 'MOSCOW',
  'MUMBAI', 'MUNICH', 'NAIROBI', 'NEW DELHI', 'NEW ORLEANS', 'NEW YORK', 'NICOSIA', 'OKLAHOMA CITY', 'OSLO',
  'OTTAWA', 'PANAMA CITY', 'PARIS', 'PHILADELPHIA', 'PHOENIX', 'PITTSBURGH', 'PRAGUE', 'QUEBEC', 'RABAT',
  'RIO DE JANEIRO', 'RIYADH', 'ROME', 'SALT LAKE CITY', 'SAN ANTONIO', 'SAN DIEGO', 'SAN FRANCISCO', 'SAN MARINO',
  'SANTIAGO', 'SAO PAULO', 'SEATTLE', 'SEOUL', 'SHANGHAI', 'SINGAPORE', 'SOFIA', 'ST. LOUIS', 'STOCKHOLM',
  'SYDNEY', 'TAIPEI', 'TALLINN', 'TASHKENT', 'TBILISI', 'TEHRAN', 'TEL AVIV', 'TOKYO', 'TORONTO', 'TRIPOLI',
  'TUNIS', 'UNITED NATIONS', 'VANCOUVER', 'VATICAN CITY', 'VIENNA', 'VILNIUS', 'WARSAW', 'WASHINGTON',
  'WELLINGTON', 'YEREVAN', 'ZAGREB', 'ZURICH',
];

/** The house's expansions: these are spelled out at first use even where readers know them. */
const DICTIONARY: Record<string, string> = {
  OSCE: 'Organisation for Security and Co-operation in Europe',
  MVD: 'Interior Ministry',
  KNB: 'National Security Committee',
  GPS: 'State Border Service',
  IS: 'Islamic State',
  UNHCR: 'United Nations High Commissioner for Refugees',
  UNODC: 'United Nations Office on Drugs and Crime',
  IOM: 'International Organization for Migration',
  ICRC: 'International Committee of the Red Cross',
  IMF: 'International Monetary Fund',
  WHO: 'World Health Organization',
  WTO: 'World Trade Organization',
  IAEA: 'International Atomic Energy Agency',
  CSTO: 'Collective Security Treaty Organisation',
  SCO: 'Shanghai Cooperation Organisation',
  CIS: 'Commonwealth of Independent States',
  EAEU: 'Eurasian Economic Union',
  ECB: 'European Central Bank',
  EBRD: 'European Bank for Reconstruction and Development',
  ADB: 'Asian Development Bank',
  NGO: 'non-governmental organisation',
};

/**
 * A small core of initials readers know that the English dictionary behind
 * WELL_KNOWN_INITIALS lacks (British institutions and news terms), and companies' legal forms.
 */
const EXEMPT_CORE = [
  'UAE', 'GMT', 'BST', 'CET', 'SMS', 'NHS', 'MEP', 'QC', 'GCSE', 'CBI', 'ITV', 'ITN', 'FIFA', 'UEFA', 'OECD',
  // Legal forms of companies, not acronyms to spell out.
  'AG', 'SA', 'NV', 'BV', 'AB', 'ASA', 'PLC', 'LP', 'LLC', 'LLP', 'KSC', 'SPA', 'OAO', 'OOO', 'JSC',
];

export const RECOMMENDED: RawConfig = {
  // Every built-in rule at the severity and options it declares: defaults live with the rules.
  rules: Object.fromEntries(builtInRules().map((rule) => [rule.id, rule.defaultSeverity])),
  terms: {
    organization: 'organisation',
    organizations: 'organisations',
    organize: 'organise',
    organized: 'organised',
    organizing: 'organising',
    ISIS: 'IS',
    ISIL: 'IS',
    Daesh: 'IS',
    'so-called Islamic State': 'Islamic State',
  },
  acronyms: {
    dictionary: DICTIONARY,
    // Initials the house spells out (its dictionary) stay acronyms even when readers know them.
    exempt: [...new Set([...EXEMPT_CORE, ...WELL_KNOWN_INITIALS])].filter((a) => !(a in DICTIONARY)),
  },
  dateline: {
    form: '{CITY}, {Region} -- ',
    region: 'required',
    standalone: STANDALONE_CITIES,
  },
};
