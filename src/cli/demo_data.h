/*
 * src/cli/demo_data.h: the made-up people, streets and jobs of the demo
 * co-op. Names come from the many places a Rochdale or Manchester co-op's
 * members come from, accents and other scripts among them, so that every
 * screen is seen with real-world text.
 *
 * Phone numbers are from Ofcom's ranges kept for drama (07700 900xxx,
 * 01632 960xxx); email addresses are at example.org/.net/.com, which are
 * reserved for examples: nothing here can reach a real person.
 */
#ifndef COOPDESK_DEMO_DATA_H
#define COOPDESK_DEMO_DATA_H

#define DEMO_COUNT(a) ((int)(sizeof (a) / sizeof (a)[0]))

static const char *const demo_given[] = {
	"Zoë", "Łukasz", "Siobhán", "Amara", "Tomasz", "Fatima", "Gareth", "Priya",
	"Oluwaseun", "Mairéad", "Darren", "Agnieszka", "Mohammed", "Chloé", "Bartłomiej",
	"Aisling", "Kwame", "Helen", "Noor", "Dafydd", "Renée", "Jamal", "Ewa", "Pádraig",
	"Shanice", "Björn", "Yusuf", "Margaret", "Ngozi", "Stanisław", "Leah", "Rhiannon",
	"Ahmed", "Clodagh", "Tariq", "Jürgen", "Imogen", "Kofi", "Małgorzata", "Sinéad",
	"Ravi", "Eilidh", "Wojciech", "Abena", "Connor", "Ayşe", "Graham", "Dolores",
	"Bernadette", "Stephen", "Maryam", "Kieran", "Joanne", "Emeka", "Hannah", "Dariusz",
};

/* The same names as plain ASCII, for email addresses. */
static const char *const demo_given_ascii[] = {
	"zoe", "lukasz", "siobhan", "amara", "tomasz", "fatima", "gareth", "priya",
	"oluwaseun", "mairead", "darren", "agnieszka", "mohammed", "chloe", "bartlomiej",
	"aisling", "kwame", "helen", "noor", "dafydd", "renee", "jamal", "ewa", "padraig",
	"shanice", "bjorn", "yusuf", "margaret", "ngozi", "stanislaw", "leah", "rhiannon",
	"ahmed", "clodagh", "tariq", "jurgen", "imogen", "kofi", "malgorzata", "sinead",
	"ravi", "eilidh", "wojciech", "abena", "connor", "ayse", "graham", "dolores",
	"bernadette", "stephen", "maryam", "kieran", "joanne", "emeka", "hannah", "dariusz",
};

static const char *const demo_family[] = {
	"Ó Súilleabháin", "Wróbel", "Nwosu", "Kowalczyk", "Begum", "Hughes", "Patel",
	"Adeyemi", "Ní Bhriain", "Whitworth", "Nowak", "Rahman", "Lefèvre", "Zieliński",
	"Mensah", "Ashworth", "Hussain", "ap Rhys", "Müller", "Okafor", "Brennan",
	"Kaczmarek", "Iqbal", "Haworth", "Asante", "Szymańska", "Mac Giolla", "Schäfer",
	"Clegg", "Yılmaz", "Boateng", "Greenhalgh", "Ó Dónaill", "Lewandowski", "Chowdhury",
	"Butterworth", "Akhtar", "Fitzgerald", "Kamińska", "Ogunleye",
};

static const char *const demo_family_ascii[] = {
	"osuilleabhain", "wrobel", "nwosu", "kowalczyk", "begum", "hughes", "patel",
	"adeyemi", "nibhriain", "whitworth", "nowak", "rahman", "lefevre", "zielinski",
	"mensah", "ashworth", "hussain", "aprhys", "muller", "okafor", "brennan",
	"kaczmarek", "iqbal", "haworth", "asante", "szymanska", "macgiolla", "schafer",
	"clegg", "yilmaz", "boateng", "greenhalgh", "odonaill", "lewandowski", "chowdhury",
	"butterworth", "akhtar", "fitzgerald", "kaminska", "ogunleye",
};

/* Whole names in other scripts, as members write them. */
static const char *const demo_whole_names[] = {
	"李小龍", "王秀英", "Αλέξανδρος Παπαδόπουλος", "Анна Иванова", "محمد الحسن",
	"김민준", "Nguyễn Thị Lan", "שרה כהן",
};

static const char *const demo_whole_ascii[] = {
	"li.xiaolong", "wang.xiuying", "alexandros.p", "anna.ivanova", "m.alhassan",
	"kim.minjun", "lan.nguyen", "sarah.cohen",
};

/* What members gave their email address for (the Act s.30(2) asks). */
static const char *const demo_email_purposes[] = {
	"notices of general meetings and the newsletter",
	"rent statements and notices",
	"notices of general meetings",
	"repairs appointments",
	"everything from the co-op",
};

static const char *const demo_email_domains[] = { "example.org", "example.net", "example.com" };

/* Children and others who live in a home without signing the tenancy. */
static const char *const demo_occupant_given[] = {
	"Alfie", "Maisie", "Zara", "Oskar", "Niamh", "Idris", "Amelia", "Musa", "Lena",
	"Theo", "Aoife", "Kacper", "Ife", "Ruby", "Hamza", "Éabha", "Zofia", "Kai",
};

struct demo_relation {
	const char *word;
	int child;              /* 1: born into the household, under 18 now */
};

static const struct demo_relation demo_relations[] = {
	{ "son", 1 }, { "daughter", 1 }, { "grandchild", 1 }, { "partner", 0 },
	{ "parent", 0 }, { "lodger", 0 }, { "carer", 0 },
};

/* Kinds of home, in the order of enum home_kind (demo_gen.h). */
static const char *const demo_kinds[] = { "house", "flat", "maisonette", "bungalow", "bedsit" };

/* The six streets of the co-op at its usual size. */
struct demo_street {
	const char *name;
	const char *code;       /* the first part of a home's reference: "ALD-01" */
	const char *postcode;
	const char *kind;       /* what most of its homes are */
};

static const struct demo_street demo_streets6[] = {
	{ "Alder Street", "ALD", "OL11 1AA", "house" },
	{ "Birch Row", "BIR", "OL11 1AB", "house" },
	{ "Cotton Lane", "COT", "OL11 2CD", "bungalow" },
	{ "Weavers Court", "WEA", "OL12 6EF", "flat" },
	{ "Spindle Walk", "SPI", "OL12 6EG", "maisonette" },
	{ "Pioneers Close", "PIO", "OL16 1PR", "house" },
};

/* For a bigger co-op (--scale): more streets, in more towns. */
static const char *const demo_more_streets[][2] = {
	{ "Mill Lane", "MIL" }, { "Canal Street", "CAN" }, { "Chapel Row", "CHA" },
	{ "Foundry Street", "FOU" }, { "Loom Street", "LOO" }, { "Bobbin Court", "BOB" },
	{ "Warp Street", "WAR" }, { "Carding Way", "CAR" }, { "Shuttle Row", "SHU" },
	{ "Toad Lane", "TOA" }, { "Equitable Street", "EQU" }, { "Holly Bank", "HOL" },
	{ "Rowan Avenue", "ROW" }, { "Hawthorn Close", "HAW" }, { "Rushbearers Walk", "RUS" },
	{ "Moorland View", "MOO" }, { "Reservoir Road", "RES" }, { "Brook Terrace", "BRO" },
	{ "Heather Grove", "HEA" }, { "Quarry Street", "QUA" }, { "Viaduct Street", "VIA" },
	{ "Ashworth Road", "ASH" }, { "Sparth Lane", "SPA" }, { "Falinge Road", "FAL" },
	{ "Kingsway Court", "KIN" }, { "Beech Street", "BEE" }, { "Elm Row", "ELM" },
	{ "Maple Walk", "MAP" }, { "Oak Street", "OAK" }, { "Willow Close", "WIL" },
	{ "Pennine View", "PEN" }, { "Hollingworth Road", "HLW" }, { "Greenbooth Lane", "GRE" },
	{ "Cheesden Row", "CHE" }, { "Naden Street", "NAD" }, { "Ealees Walk", "EAL" },
	{ "Spotland Road", "SPO" }, { "Wardle Street", "WRD" }, { "Clover Court", "CLO" },
	{ "Linen Street", "LIN" },
};

/* Towns for the bigger co-op's streets, with their postcode districts. */
static const char *const demo_towns[][2] = {
	{ "Rochdale", "OL11" }, { "Heywood", "OL10" }, { "Middleton", "M24" },
	{ "Littleborough", "OL15" }, { "Milnrow", "OL16" }, { "Whitworth", "OL12" },
	{ "Bacup", "OL13" }, { "Todmorden", "OL14" }, { "Oldham", "OL1" }, { "Bury", "BL9" },
};

/* Letters a postcode's last part may use. */
static const char demo_postcode_letters[] = "ABDEFGHJLNPQRSTUWXYZ";

/* Contractors: index into this table is what demo_job.trade names. */
struct demo_contractor {
	const char *name;
	const char *trade;
	const char *phone;
	const char *email;
};

enum { TRADE_PLUMBING, TRADE_ELECTRICAL, TRADE_ROOFING, TRADE_JOINERY, TRADE_DAMP,
       TRADE_BUILDING };

static const struct demo_contractor demo_contractors[] = {
	{ "Pennine Plumbing & Heating", "plumbing and heating", "01632 960101",
	  "jobs@pennine-plumbing.example.com" },
	{ "Roch Valley Electrical", "electrical", "01632 960202", "office@rochvalley.example.com" },
	{ "Spotland Roofing", "roofing", "01632 960303", "" },
	{ "Castleton Joinery", "joinery", "01632 960404", "castletonjoinery@example.net" },
	{ "Milnrow Damp Solutions", "damp and mould", "01632 960505", "survey@milnrowdamp.example.com" },
	{ "Wardle Building Services", "general building", "01632 960606", "" },
};

struct demo_job {
	const char *title;
	const char *location;
	const char *priority;  /* emergency, urgent, routine, planned */
	int rtr_days;          /* Right to Repair target, 0 if it does not qualify */
	const char *damp;      /* Awaab's Law hazard class, or NULL */
	const char *defect;    /* the Right to Repair defect (SI 1994/133), or NULL */
	int trade;             /* TRADE_...: who is sent */
	int weight;            /* how often it is reported, relative */
	int heating;           /* 1: Right to Repair only from 31 October to 1 May */
	const char *detail;    /* what the tenant said */
};

static const struct demo_job demo_jobs[] = {
	{ "No heating or hot water", "Boiler cupboard", "emergency", 1, NULL,
	  "Total or partial loss of space or water heating", TRADE_PLUMBING, 6, 1,
	  "Boiler shows a fault code and will not fire. No hot water either." },
	{ "Total loss of electric power", "Fuse board", "emergency", 1, NULL,
	  "Total loss of electric power", TRADE_ELECTRICAL, 2, 0,
	  "Trip switch will not reset; the whole house is without power." },
	{ "Front door will not lock", "Front door", "urgent", 1, NULL,
	  "Insecure external window, door or lock", TRADE_JOINERY, 4, 0,
	  "The lock turns but the bolt does not catch. Door cannot be secured at night." },
	{ "Only toilet blocked", "Bathroom", "urgent", 1, NULL,
	  "Blocked or leaking foul drain, soil stack or (the only) toilet pan",
	  TRADE_PLUMBING, 4, 0, "The only toilet is blocked and will not flush away." },
	{ "Gas smell near cooker", "Kitchen", "emergency", 0, NULL, NULL, TRADE_PLUMBING, 1, 0,
	  "Smell of gas by the cooker. Tenant has turned the supply off at the meter and rung Cadent." },
	{ "Partial loss of water supply", "Kitchen", "urgent", 3, NULL,
	  "Partial loss of water supply", TRADE_PLUMBING, 3, 0,
	  "Very low pressure at the kitchen tap; upstairs taps barely run." },
	{ "Blocked kitchen sink", "Kitchen", "urgent", 3, NULL,
	  "Blocked sink, bath or basin", TRADE_PLUMBING, 6, 0,
	  "Sink will not drain even after using a plunger." },
	{ "Loose bannister rail", "Stairs", "urgent", 3, NULL,
	  "Loose or detached banister or hand rail", TRADE_JOINERY, 3, 0,
	  "Bannister has come away from the wall at the top of the stairs." },
	{ "Roof leaking into back bedroom", "Back bedroom", "urgent", 7, NULL,
	  "Leaking roof", TRADE_ROOFING, 4, 0,
	  "Water coming through the ceiling when it rains; bucket under it." },
	{ "Entryphone not working", "Communal entrance", "routine", 7, NULL,
	  "Entry phone not working", TRADE_ELECTRICAL, 3, 0,
	  "Visitors cannot buzz in; the handset is silent." },
	{ "Bathroom extractor fan broken", "Bathroom", "routine", 7, NULL,
	  "Mechanical extractor fan in internal kitchen or bathroom not working",
	  TRADE_ELECTRICAL, 5, 0, "Fan does not start when the light is switched on." },
	{ "Black mould on bedroom wall", "Front bedroom", "urgent", 0, "significant", NULL,
	  TRADE_DAMP, 4, 0, "Black mould spreading on the outside wall behind the bed." },
	{ "Damp patch spreading behind wardrobe", "Back bedroom", "routine", 0, "significant", NULL,
	  TRADE_DAMP, 3, 0, "Damp patch about a metre wide; clothes in the wardrobe smell musty." },
	{ "Severe mould, child with asthma", "Box room", "emergency", 0, "emergency", NULL,
	  TRADE_DAMP, 1, 0, "Thick mould on ceiling and window; a child in the room has asthma." },
	{ "Condensation and mould round windows", "Living room", "routine", 0, "significant", NULL,
	  TRADE_DAMP, 3, 0, "Windows stream with water every morning; mould on the seals." },
	{ "Dripping kitchen tap", "Kitchen", "routine", 0, NULL, NULL, TRADE_PLUMBING, 8, 0,
	  "Hot tap drips all the time, even when turned off hard." },
	{ "Window handle snapped", "Living room", "routine", 0, NULL, NULL, TRADE_JOINERY, 5, 0,
	  "Handle snapped off; window can still be closed." },
	{ "Cracked floor tiles", "Hallway", "routine", 0, NULL, NULL, TRADE_BUILDING, 3, 0,
	  "Three tiles cracked by the front door; a trip hazard." },
	{ "Garden fence panel down", "Back garden", "routine", 0, NULL, NULL, TRADE_JOINERY, 5, 0,
	  "Panel blew down in the wind; the dog can get out." },
	{ "Kitchen cupboard door hanging off", "Kitchen", "routine", 0, NULL, NULL,
	  TRADE_JOINERY, 6, 0, "Top hinge pulled out of the cupboard door." },
	{ "Gutter overflowing", "Front elevation", "routine", 0, NULL, NULL, TRADE_ROOFING, 4, 0,
	  "Gutter overflows down the front wall when it rains." },
	{ "Slipped roof slates", "Roof", "routine", 0, NULL, NULL, TRADE_ROOFING, 2, 0,
	  "Two slates slipped after the storm; visible from the street." },
	{ "Repoint chimney stack", "Roof", "planned", 0, NULL, NULL, TRADE_ROOFING, 1, 0,
	  "Found on the stock condition survey: mortar eroded." },
	{ "Replace single-glazed windows", "Whole house", "planned", 0, NULL, NULL,
	  TRADE_JOINERY, 1, 0, "Planned programme: replace the last single-glazed frames." },
	{ "Rewire upstairs lighting circuit", "Landing", "planned", 0, NULL, NULL,
	  TRADE_ELECTRICAL, 1, 0, "Electrical condition report: upstairs circuit unsatisfactory." },
	{ "Communal stairwell light out", "Stairwell", "routine", 0, NULL, NULL,
	  TRADE_ELECTRICAL, 3, 0, "Stairwell is dark at night between the first and second floors." },
	{ "Shower tray sealant perished", "Bathroom", "routine", 0, NULL, NULL,
	  TRADE_PLUMBING, 5, 0, "Sealant black and peeling; water getting behind the tray." },
	{ "Radiator cold at the top", "Living room", "routine", 0, NULL, NULL,
	  TRADE_PLUMBING, 4, 0, "Radiator needs bleeding; bottom hot, top cold." },
	{ "Damaged plaster after leak", "Back bedroom", "routine", 0, NULL, NULL,
	  TRADE_BUILDING, 3, 0, "Ceiling plaster stained and bowing where the roof leaked." },
	{ "Broken paving to front path", "Front garden", "routine", 0, NULL, NULL,
	  TRADE_BUILDING, 2, 0, "Flags lifted by tree roots; neighbour tripped." },
};

/* Notes on the moves of a repair, by what the move is. */
static const char *const demo_note_triage[] = {
	"Rang the tenant to book a time", "Checked the details with the tenant",
	"Photos received by email", "Booked: tenant works days, afternoons best",
	"Priority agreed with the tenant",
};
static const char *const demo_note_start[] = {
	"Operative on site", "Contractor attended", "Parts ordered; first visit done",
	"Made safe on the first visit", "Work started",
};
static const char *const demo_note_done[] = {
	"Repaired and tested", "Work done; area left clean", "Replaced the faulty part",
	"Fixed; tenant shown how to reset it", "Done; invoice to follow",
};
static const char *const demo_note_close[] = {
	"Tenant confirmed all is well", "Post-inspection passed", "Invoice checked and paid",
	"Satisfaction call made", "Checked at the estate walkabout",
};
static const char *const demo_note_cancel[] = {
	"Duplicate of an earlier report", "Tenant fixed it themselves",
	"No access after three attempts", "Reported in error: not the co-op's to repair",
	"Merged into the planned window programme",
};
static const char *const demo_note_reopen[] = {
	"Tenant says the fault is back", "Leak returned after heavy rain",
	"Post-inspection failed: work not finished", "Same fault again within a week",
};

/* Rent: how people pay, and why tenancies end. */
static const char *const demo_pay_weekly[] = {
	"Standing order", "Bank transfer", "Cash at the estate office", "Debit card by phone",
};
static const char *const demo_end_reasons[] = {
	"Moved to be nearer family", "Bought a home", "Moved away for work",
	"Moved into residential care", "Gave notice: moving in with a partner",
	"Transferred to a larger home elsewhere",
};

/* Rent increases each April, in tenths of a per cent (social rent: CPI+1). */
struct demo_increase {
	int year;
	int tenths;
};
static const struct demo_increase demo_increases[] = {
	{ 2022, 41 }, { 2023, 70 }, { 2024, 77 }, { 2025, 27 }, { 2026, 48 },
};
#define DEMO_DEFAULT_INCREASE 30

/* Board decisions, with up to two actions each. */
struct demo_decision {
	const char *title;
	const char *text;
	const char *action[2];
};

static const struct demo_decision demo_decision_list[] = {
	{ "Adopt the repairs policy",
	  "The board adopted the repairs policy with the sector's targets: emergencies made safe "
	  "in 24 hours, urgent repairs in 5 working days, routine in 28 and planned in 90.",
	  { "Send the repairs policy to every member", "Put the targets on the noticeboard" } },
	{ "Open a bank account for the co-op",
	  "The treasurer, secretary and chair are the signatories; two must sign each payment.",
	  { "Complete the bank's mandate forms", NULL } },
	{ "Appoint Pennine Plumbing & Heating for gas safety checks",
	  "Annual gas safety checks of every home, for two years, at the quoted price.",
	  { "Sign the contract", "Write to tenants about access for the checks" } },
	{ "Set the rent from April",
	  "Rents rise from the first Monday in April by CPI + 1%, in line with the social rent cap.",
	  { "Send every tenant notice of the new rent", "Update standing order letters" } },
	{ "Adopt the complaints policy",
	  "The complaints policy follows the Housing Ombudsman's code: two stages, "
	  "acknowledged in 5 working days, replies in 10 and 20.",
	  { "Publish the complaints policy", "Self-assess against the Ombudsman's code" } },
	{ "Buildings insurance",
	  "Renew the buildings insurance through the co-operative housing broker.",
	  { "Pay the premium", NULL } },
	{ "Damp and mould policy (Awaab's Law)",
	  "Emergency hazards investigated and made safe within 24 hours; significant hazards "
	  "investigated in 10 working days, written summary within 3.",
	  { "Train the estate office volunteers on damp reports", "Survey every north-facing bedroom" } },
	{ "Appoint an independent examiner",
	  "The annual accounts are to be examined by Heywood & Co, chartered accountants.",
	  { "Send the engagement letter", NULL } },
	{ "Hardship fund for members in arrears",
	  "A fund of £2,000 a year for members facing hardship, decided case by case by two directors.",
	  { "Write the hardship fund guidance", "Tell members about the fund in the newsletter" } },
	{ "Void standard",
	  "Every empty home is brought to the co-op's void standard before it is let: "
	  "gas and electrical checks, clean, decorated, flooring in kitchen and bathroom.",
	  { "Agree the void checklist with the contractors", NULL } },
	{ "Write off small former tenant arrears",
	  "Former tenant arrears under £50 that are more than a year old are written off.",
	  { "Post the write-offs to the rent accounts", NULL } },
	{ "Defibrillator for the community room",
	  "Buy a defibrillator and register it with the ambulance service.",
	  { "Order the defibrillator", "Arrange first aid training" } },
	{ "Publish repairs performance each quarter",
	  "The RP02 figures (repairs completed in target) go in the newsletter each quarter.",
	  { "Add the figures to the next newsletter", NULL } },
	{ "Annual maintenance plan",
	  "The planned works for the year: windows on Birch Row, roofs on Cotton Lane.",
	  { "Get three quotes for the Birch Row windows", "Book the roof survey" } },
	{ "Review the allocations policy",
	  "Homes are offered to the waiting list in date order, with priority for transfers "
	  "of members whose household has grown.",
	  { "Consult members on the draft policy", NULL } },
	{ "Fire risk assessments",
	  "Commission fire risk assessments of the communal areas of Weavers Court and Spindle Walk.",
	  { "Appoint the assessor", "Clear the Weavers Court bin store" } },
};

/* Complaints, with what was done about them. */
struct demo_complaint {
	const char *subject;
	const char *details;
};
static const struct demo_complaint demo_complaints[] = {
	{ "Repair took six weeks", "The roof leak took six weeks to fix; the bedroom ceiling came down meanwhile." },
	{ "Contractor did not turn up", "I took a day off work and nobody came or rang." },
	{ "Noise from the flat above", "Loud music most nights after midnight." },
	{ "Rent statement wrong", "My Universal Credit payment is missing from the statement." },
	{ "Communal area not cleaned", "The stairwell at Weavers Court has not been cleaned for weeks." },
	{ "Mould came back", "The mould in the box room returned a month after it was treated." },
};

#endif
