/*
 * src/cli/demo_data.h: the made-up people, streets and jobs of the demo
 * co-op. Names come from the many places a Rochdale or Manchester co-op's
 * members come from, accents and other scripts among them, so that every
 * screen is seen with real-world text.
 */
#ifndef COOPDESK_DEMO_DATA_H
#define COOPDESK_DEMO_DATA_H

static const char *const demo_given[] = {
	"Zoë", "Łukasz", "Siobhán", "Amara", "Tomasz", "Fatima", "Gareth", "Priya",
	"Oluwaseun", "Mairéad", "Darren", "Agnieszka", "Mohammed", "Chloé", "Bartłomiej",
	"Aisling", "Kwame", "Helen", "Noor", "Dafydd", "Renée", "Jamal", "Ewa", "Pádraig",
	"Shanice", "Björn", "Yusuf", "Margaret", "Ngozi", "Stanisław", "Leah", "Rhiannon",
	"Ahmed", "Clodagh", "Tariq", "Jürgen", "Imogen", "Kofi", "Małgorzata", "Sinéad",
	"Ravi", "Eilidh", "Wojciech", "Abena", "Connor", "Ayşe", "Graham", "Dolores",
};

static const char *const demo_family[] = {
	"Ó Súilleabháin", "Wróbel", "Nwosu", "Kowalczyk", "Begum", "Hughes", "Patel",
	"Adeyemi", "Ní Bhriain", "Whitworth", "Nowak", "Rahman", "Lefèvre", "Zieliński",
	"Mensah", "Ashworth", "Hussain", "ap Rhys", "Müller", "Okafor", "Brennan",
	"Kaczmarek", "Iqbal", "Haworth", "Asante", "Szymańska", "Mac Giolla", "Schäfer",
	"Clegg", "Yılmaz", "Boateng", "Greenhalgh", "Ó Dónaill", "Lewandowski", "Chowdhury",
};

/* Whole names in other scripts, as members write them. */
static const char *const demo_whole_names[] = {
	"李小龍", "王秀英", "Αλέξανδρος Παπαδόπουλος", "Анна Иванова", "محمد الحسن",
	"김민준", "Nguyễn Thị Lan", "שרה כהן",
};

static const char *const demo_streets[] = {
	"Alder Street", "Birch Row", "Cotton Lane", "Weavers Court", "Spindle Walk",
	"Pioneers Close",
};

static const char *const demo_postcodes[] = {
	"OL11 1AA", "OL11 1AB", "OL11 2CD", "OL12 6EF", "OL12 6EG", "OL16 1PR",
};

struct demo_job {
	const char *title;
	const char *location;
	const char *priority;  /* emergency, urgent, routine, planned */
	int rtr_days;          /* Right to Repair target, 0 if it does not qualify */
	const char *damp;      /* Awaab's Law hazard class, or NULL */
};

static const struct demo_job demo_jobs[] = {
	{ "No heating or hot water", "Boiler cupboard", "emergency", 1, NULL },
	{ "Total loss of electric power", "Fuse board", "emergency", 1, NULL },
	{ "Front door will not lock", "Front door", "urgent", 1, NULL },
	{ "Only toilet blocked", "Bathroom", "urgent", 1, NULL },
	{ "Gas smell near cooker", "Kitchen", "emergency", 1, NULL },
	{ "Partial loss of water supply", "Kitchen", "urgent", 3, NULL },
	{ "Blocked kitchen sink", "Kitchen", "urgent", 3, NULL },
	{ "Loose bannister rail", "Stairs", "urgent", 3, NULL },
	{ "Roof leaking into back bedroom", "Back bedroom", "urgent", 7, NULL },
	{ "Entryphone not working", "Communal entrance", "routine", 7, NULL },
	{ "Bathroom extractor fan broken", "Bathroom", "routine", 7, NULL },
	{ "Black mould on bedroom wall", "Front bedroom", "urgent", 0, "significant" },
	{ "Damp patch spreading behind wardrobe", "Back bedroom", "routine", 0, "significant" },
	{ "Severe mould, child with asthma", "Box room", "emergency", 0, "emergency" },
	{ "Dripping kitchen tap", "Kitchen", "routine", 0, NULL },
	{ "Window handle snapped", "Living room", "routine", 0, NULL },
	{ "Cracked floor tiles", "Hallway", "routine", 0, NULL },
	{ "Garden fence panel down", "Back garden", "routine", 0, NULL },
	{ "Kitchen cupboard door hanging off", "Kitchen", "routine", 0, NULL },
	{ "Gutter overflowing", "Front elevation", "routine", 0, NULL },
	{ "Repoint chimney stack", "Roof", "planned", 0, NULL },
	{ "Replace single-glazed windows", "Whole house", "planned", 0, NULL },
	{ "Rewire upstairs lighting circuit", "Landing", "planned", 0, NULL },
	{ "Communal stairwell light out", "Stairwell", "routine", 0, NULL },
	{ "Shower tray sealant perished", "Bathroom", "routine", 0, NULL },
};

static const char *const demo_contractors[][2] = {
	{ "Pennine Plumbing & Heating", "plumbing and heating" },
	{ "Roch Valley Electrical", "electrical" },
	{ "Spotland Roofing", "roofing" },
	{ "Castleton Joinery", "joinery" },
	{ "Milnrow Damp Solutions", "damp and mould" },
	{ "Wardle Building Services", "general building" },
};

#endif
