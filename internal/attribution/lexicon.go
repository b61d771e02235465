package attribution

import (
	"strings"
	"sync"
)

// This file holds every word list the attribution sieves use, in one place.
// Lists are kept as space-separated strings and turned into sets on first
// use (lexicon), so importing the package costs nothing and the WASM binary
// carries only the strings. Multi-word entries use "_" for a space.

// cueKind tells how a reporting word introduces what was said.
type cueKind uint8

const (
	// cueSay: a speech verb that takes a clause with or without "that"
	// ("Peskov said talks are planned").
	cueSay cueKind = iota + 1
	// cueThat: a verb that reports speech only with "that" or a quote
	// ("Iran denied that …", but not "Iran denied Sullivan's statement").
	cueThat
	// cueTell: a speech verb followed by its audience ("told reporters …").
	cueTell
	// cuePrep: a preposition naming the source ("according to X", "laut X",
	// "selon X").
	cuePrep
	// cuePost: a postposition or particle after the source ("X zufolge";
	// „…“, so Müller).
	cuePost
	// cueParticiple: continues the previous cue's speaker ("…, adding
	// that …").
	cueParticiple
)

// isVerb reports a cue that is a reporting verb.
func (k cueKind) isVerb() bool { return k == cueSay || k == cueThat || k == cueTell }

// Reporting words. English "said" family: "Peskov said talks are planned".
const sayVerbs = `said says say told tells replied replies answered answers
sagte sagt sagten erklärte erklärt erklärten betonte betont meinte meint ergänzte ergänzt
fügte berichtete berichtet antwortete antwortet schrieb schreibt gesagt erklärt
teilte sagen
déclaré déclare dit affirmé affirme expliqué explique ajouté ajoute indiqué indique
précisé précise répondu répond raconté raconte confié confie écrit`

// Verbs that report speech only before "that" or beside a quote:
// "He noted that Iran's drones …" (but "Iran denied Sullivan's statement").
const thatVerbs = `added adds stated states explained explains wrote writes tweeted posted
reported reports claimed claims warned warns noted notes insisted insists denied denies
argued argues asked asks announced announces confirmed confirms acknowledged
acknowledges admitted admits stressed stresses emphasised emphasized emphasises
emphasizes suggested suggests predicted predicts continued continues recalled
recalls remarked observed observes declared declares agreed agrees conceded
concedes complained complains cautioned cautions vowed vows promised promises
estimated estimates maintained maintains contended countered responded responds
testified testifies alleged alleges joked shouted urged urges revealed reveals
assured assures pledged pledges
warnte warnt kritisierte kritisiert bestätigte bestätigt räumte versicherte versichert
forderte fordert unterstrich kündigte verkündete
estimé estime souligné souligne assuré assure averti avertit reconnu reconnaît annoncé
annonce insisté insiste martelé martèle prévenu prévient jugé juge dénoncé dénonce
lancé lance soutenu soutient rappelé rappelle poursuivi poursuit regretté regrette
commenté commente`

// Verbs taking an audience before the clause: "told reporters on Tuesday that …".
const tellVerbs = `told tells`

// Participles that continue the previous speaker in the same sentence:
// "…, Smith said, adding that the plan was dead".
const participleCues = `adding saying noting warning insisting explaining stressing arguing
claiming`

// Audience nouns skipped after "told": "told reporters", "told a news conference".
const audienceNouns = `me us him her them mir uns ihm ihr ihnen moi nous lui leur reporters journalists lawmakers legislators parliament congress court
committee conference news briefing interview radio television broadcaster newspaper
station audience crowd jury senators mps supporters students delegates agency
magazine podcast channel website outlet hearing senate council`

// Auxiliaries and adverbs between a speaker and the reporting verb:
// "Peskov has also said", "Die Ministerin hat betont".
const auxWords = `has have had also later then further previously again repeatedly recently
once would will had is was already earlier initially separately publicly privately
himself herself hat habe hatte haben auch bereits zudem ebenfalls noch a avait aussi
également ont`

// Words after a reporting verb that are not yet the reported clause:
// "said on Monday that", "said in a statement".
const adjunctWords = `yesterday today tonight recently earlier later also again publicly
privately separately repeatedly on in at during last this late early after before via
gestern heute am hier hier lundi mardi mercredi jeudi vendredi samedi dimanche
nach vor bei beim gegenüber auf im à au aux devant lors en sur`

// Time words that may end an adjunct phrase: "on Tuesday", "last week".
const timeWords = `monday tuesday wednesday thursday friday saturday sunday week month
year morning afternoon evening night weekend day statement interview conference
briefing press release email post video message speech hearing court parliament
montag dienstag mittwoch donnerstag freitag samstag sonntag woche morgen abend
lundi mardi mercredi jeudi vendredi samedi dimanche soir matin semaine`

// Subordinators before a speaker that mark the cue as not the sentence's
// main clause: "Sullivan's claim comes as Peskov told reporters …".
const subordinators = `as while when after before because since although though whereas if
unless that which who whom whose where once until`

// Honorifics before a name, with the gender they signal: "Mr Sullivan".
const maleHonorifics = `mr mr. herr m. sir lord monsieur`
const femaleHonorifics = `mrs mrs. ms ms. miss frau mme mme. mlle madame dame lady`
const neutralHonorifics = `dr dr. prof prof. professor rev`

// Title abbreviations that keep their full stop before a name: "Gov. Ray
// Estrada", "Sgt. Ana Ruiz"; they are role nouns too.
const titleAbbrevs = `gov sen rep lt col capt sgt gen det supt insp atty cmdr maj cpl adm`

// Role nouns: the head of a role ("Kremlin spokesman", "the minister").
// Capitalised before a name they are titles ("Supervisor Rita Calloway").
const roleNouns = `spokesman spokeswoman spokesperson spokespeople president minister
secretary chancellor premier senator congressman congresswoman congressmember
representative governor mayor councillor councilor councilman councilwoman supervisor
commissioner chairman chairwoman chair chairperson chief ceo cfo coo cto director
manager head leader adviser advisor aide analyst economist strategist professor
lecturer researcher scientist physicist biologist chemist astronomer epidemiologist
doctor physician surgeon nurse teacher principal headteacher superintendent lawyer
attorney prosecutor solicitor barrister judge justice magistrate coach captain
striker midfielder defender goalkeeper player forward winger manager officer
inspector detective sergeant constable commander general colonel admiral ambassador
envoy diplomat official founder owner partner editor author activist campaigner
organiser organizer candidate lawmaker mp deputy vice-president treasurer clerk
engineer architect commandant capitaine lieutenant brigadier landrat landrätin
stadtrat stadträtin administrator astrophysicist astronomer journalist
correspondent politician politiker politikerin veteran boss di dci dc ds pc cllr mep supt
insp det gov sen rep lt col capt sgt gen atty cmdr maj cpl adm resident farmer pastor priest bishop rabbi imam king queen prince
princess emir sheikh boss executive investor banker trader consultant expert
fly-half scrum-half lock prop hooker flanker full-back keeper pilot paramedic
firefighter winchman crewman ranger torhüter torwart kapitän kapitänin stürmer
spieler spielerin kreisläufer apotheker apothekerin pharmacien pharmacienne gardien
joueur joueuse coureur cycliste
actor actress singer musician songwriter artist writer novelist poet producer comedian
rapper dancer wrestler boxer athlete chef fisherman shopkeeper landlord
éleveur éleveuse agriculteur agricultrice viticulteur infirmier infirmière
landwirt landwirtin
spokesmen sprecher sprecherin minister ministerin bundeskanzler bundeskanzlerin
kanzler kanzlerin präsident präsidentin vorsitzende vorsitzender chef chefin
bürgermeister bürgermeisterin trainer trainerin professorin direktor direktorin
leiter leiterin abgeordnete abgeordneter staatsanwalt staatsanwältin richter
richterin geschäftsführer geschäftsführerin ministre président présidente directeur
directrice maire entraîneur entraineur professeur procureur procureure avocat avocate
secrétaire député députée porte-parole pdg responsable sélectionneur chercheur
chercheuse juge préfet préfète`

// Role modifiers allowed inside a role phrase: "national security adviser".
const roleModifiers = `national security foreign defence defense interior home finance
health justice economy economic energy education environment transport trade
deputy former chief senior junior state federal prime general executive vice
assistant acting press public top head interim managing lead principal associate
regional local city county district police military army naval senior-most
white house budget planning communications political policy research
financial technology science medical clinical legal city-council`

// Spokesperson roles: an unnamed one is attributed to the organisation
// ("a Kremlin spokesman said" → the Kremlin).
const spokesRoles = `spokesman spokeswoman spokesperson spokespeople representative
official officials source sources sprecher sprecherin porte-parole`

// Spokesperson words that, with no organisation named ("A spokesperson
// said: …"), speak for the organisation in focus.
const spokesOnlyRoles = `spokesman spokeswoman spokesperson sprecher sprecherin porte-parole`

// Organisation nouns that can speak on their own, lower case in prose:
// "police said", "Iranian state media reported", "the ministry said".
const orgNouns = `police prosecutors ministry government company firm group bank
council court army military agency department office commission committee union
club team party parliament cabinet authority regulator airline carmaker retailer
university hospital school board federation association institute media
trust operator regulator watchdog direction syndicat pompiers gendarmerie
feuerwehr service
state_media state_television news_agency kremlin pentagon polizei regierung
ministerium staatsanwaltschaft stadt gemeinde verein unternehmen konzern gericht
police_nationale gouvernement ministère préfecture mairie parquet entreprise
société club`

// Capitalised words that make a name an organisation or a place:
// "Foreign Ministry", "Iran-Russia Joint Chamber of Commerce", "the White House".
const orgCues = `ministry ministerium ministère department office house kremlin pentagon
council commission committee chamber commerce agency authority police polizei
bank group inc ltd plc llc corp corporation company co gmbh ag sa university
universität université institute institut school college hospital court
gericht tribunal union party partei federation association league club fc
united city county government regierung states kingdom nations republic
emirates state trust organisation organization foundation trust service services board
army navy force forces guard media news times post journal press tv radio
network airlines airways motors bundestag parlament parliament senate congress
nato un eu who imf fbi cia opec
networks systems technologies tech labs insight capital holdings partners industries
solutions logistics steel energy foods bureau administration pharma telecom software team équipe mannschaft
agentur presse tus hsg tsv vfl vfb`

// Lower-case nouns for a kind of organisation that, just before a name, make
// it an organisation: "cloud provider Stratus Networks", "budget airline SkyDart".
const orgTypeNouns = `provider startup platform broadcaster publisher charity insurer
lender manufacturer chain supermarket developer maker supplier carrier outlet
network brand label studio`

// Organisation nouns that name a single body in any article, so "the police
// said" may speak even when no police force was named before. Other nouns
// ("the company said") must find an organisation named earlier.
const selfNamingOrgNouns = `police prosecutors government army military kremlin pentagon
polizei regierung gendarmerie pompiers parquet feuerwehr staatsanwaltschaft gouvernement
préfecture mairie`

// Descriptions that refer back to the person just mentioned when no earlier
// person holds them as a role: positions in sport and similar labels ("the
// England lock told TNT Sports", "a déclaré le coureur de 24 ans").
const descriptorNouns = `fly-half scrum-half lock prop hooker flanker full-back winger striker
midfielder defender goalkeeper keeper forward player rider driver coureur joueur joueuse
cycliste spieler spielerin torhüter stürmer`

// Kin and similar nouns that introduce a person by name: "said his sister,
// Anna Keller", "Okafor's brother, Samuel Okafor,", "la sœur d'une des victimes".
const kinNouns = `sister brother wife husband son daughter mother father partner friend
neighbour neighbor colleague widow widower uncle aunt cousin granddaughter grandson
grandmother grandfather niece nephew stepson stepdaughter
sœur frère fille fils mère père épouse mari veuve voisin voisine
schwester bruder tochter sohn mutter vater ehefrau ehemann witwe nachbar nachbarin`

// Finite verbs that cannot open a reported clause: a clause starting with
// one lacks its subject ("the 95% the WHO says is needed").
const finiteVerbs = `is are was were has have had will would can could should may might must
does did`

// Endings of German compounds that name an organisation:
// "Bundesgesundheitsministerium", "Landgericht", "Bundesapothekerkammer".
const germanOrgSuffixes = `ministerium institut gericht polizei regierung verband kammer behörde
agentur bundesamt`

// Titles that stand for a role: "Mrs Justice Harwood" is a judge.
const titleRoles = `justice=judge`

// Words ending in -ist that are not professions: "this year's longlist".
const nonRoleIst = `shortlist longlist checklist playlist wishlist blacklist whitelist waitlist
watchlist setlist twist assist exist`

// Last parts of a hyphenated modifier before a name, which is not part of
// the name: "London-based Orbis", "Amazon-owned Whole Foods".
const nameModifiers = `based owned backed run controlled funded operated led born`

// Those of them that say the name is owned or run, so an organisation:
// "Amazon-owned Whole Foods", "state-run Rosneft".
const ownerModifiers = `owned backed run controlled funded operated`

// Words of the first person singular in a quote, which only a person
// says (organisations say "we"): "“I will not stay,” Keeble said".
const firstPersonSingular = `i’m i'm i’ve i've i’d i'd i’ll i'll me my myself mine ich mich mir mein meine
meinen meinem meiner je j’ j' moi mon ma mes`

// Nouns that name groups or documents, not a source that can be quoted:
// "According to reports, …", "experts believe …"; market nouns are never
// speakers either ("Shares in X fell … and warned that …").
const nonSpeakers = `reports report findings data figures estimates study studies
survey surveys poll polls statistics documents document records analysis research
officials experts analysts observers critics residents witnesses people sources
diplomats scientists researchers economists protesters supporters investigators
authorities circles many some others everyone nobody
shares stocks prices sales profits earnings revenue revenues costs markets rates bonds`

// Sentence-initial capitalised words that are never part of a name:
// "But Smith said" → Smith.
const capStopwords = `the a an but and or so yet in on at of for to from by with as while
when after before although though however meanwhile earlier later still also
now then this that these those it its his her their our my your we they he she i
you there here what which who why how where if because since despite during
asked speaking according his her one two three last next first
monday tuesday wednesday thursday friday saturday sunday january february march april
may june july august september october november december
der die das den dem des ein eine einer auch aber und doch nach laut so er sie es wir
le la les l un une des mais et selon il elle ils elles ce cette dans pour en au aux`

// Personal pronouns that can be the subject of a reporting verb.
const malePronouns = `he er il`
const femalePronouns = `she sie elle`
const orgPronouns = `it`

// Name particles allowed inside a person's name: "Ursula von der Leyen".
const nameParticles = `von van der den de del della di da du le la al bin ibn el ter`

// Nationality nouns that refer back to a person: "the Hungarian said".
// Words ending in -ian, -ean, -ese, -ish count too (isDemonym).
const demonyms = `german american briton frenchman frenchwoman dutchman swiss pole swede dane
finn greek czech turk thai mexican moroccan kenyan ugandan argentine spaniard scot
welshman irishman deutsche französin franzose américain américaine
schwede schwedin däne dänin brite britin spanier spanierin italiener italienerin
österreicher österreicherin schweizer schweizerin tscheche tschechin russe russin
norweger norwegerin niederländer niederländerin amerikaner amerikanerin
danois danoise français française suédois suédoise norvégien norvégienne italien
italienne espagnol espagnole allemand allemande britannique belge suisse
néerlandais néerlandaise`

// Descriptions that refer back to the person just mentioned, not to a role
// held by someone: "the 24-year-old said", "sagte die SPD-Politikerin".
const genericPersonNouns = `politician politiker politikerin veteran man woman father mother
mann frau homme femme`

// Determiners at the left edge of a mention; "definite" ones refer back.
const definiteDets = `the der die das den dem le la les l’ l'`
const indefiniteDets = `a an another ein eine einer un une`

// Abbreviations that end in a full stop without ending a sentence.
const abbreviations = `mr mrs ms dr prof st sr jr gen gov sen rep lt col capt sgt mt no vs
etc inc ltd co corp jan feb mar apr jun jul aug sep sept oct nov dec m mme fig
approx dept est`

// Places often quoted as if they spoke, that would otherwise look like a
// two-word personal name ("Saudi Arabia", "New York").
const placeNames = `saudi_arabia united_states united_kingdom new_york new_zealand
south_africa north_korea south_korea sri_lanka hong_kong costa_rica el_salvador
czech_republic united_nations european_union white_house downing_street
wall_street silicon_valley los_angeles san_francisco new_delhi buenos_aires
sao_paulo são_paulo rio_de_janeiro tel_aviv abu_dhabi las_vegas st_petersburg`

// lexicon is the parsed form of the lists above.
type lexicon struct {
	cues           map[string]cueKind
	audience       map[string]bool
	aux            map[string]bool
	adjunct        map[string]bool
	timeWords      map[string]bool
	subordinators  map[string]bool
	honorific      map[string]byte // 'm', 'f' or 'n'
	roleNouns      map[string]bool
	roleMods       map[string]bool
	spokes         map[string]bool
	orgNouns       map[string]bool
	orgCues        map[string]bool
	nonSpeakers    map[string]bool
	nameModifiers  map[string]bool
	firstPerson    map[string]bool
	ownerModifiers map[string]bool
	capStop        map[string]bool
	pronoun        map[string]byte // 'm', 'f', 'o'
	particles      map[string]bool
	definite       map[string]bool
	indefinite     map[string]bool
	abbrev         map[string]bool
	places         map[string]bool
	generic        map[string]bool
	demonyms       map[string]bool
	orgTypes       map[string]bool
	selfNaming     map[string]bool
	descriptors    map[string]bool
	titleRoles     map[string]string
	nonRoleIst     map[string]bool
	kin            map[string]bool
	finite         map[string]bool
	spokesOnly     map[string]bool
	titleAbbrev    map[string]bool
	// germanOrgSuffixes, split once (germanOrgCompound runs per name word)
	germanOrgSuffixes []string
}

var (
	lexOnce sync.Once
	lexVal  *lexicon
)

// lex returns the lexicon, building it on first use.
func lex() *lexicon {
	lexOnce.Do(func() { lexVal = buildLexicon() })
	return lexVal
}

func wordSet(lists ...string) map[string]bool {
	m := make(map[string]bool)
	for _, l := range lists {
		for _, w := range strings.Fields(l) {
			m[strings.ReplaceAll(w, "_", " ")] = true
		}
	}
	return m
}

func buildLexicon() *lexicon {
	l := &lexicon{
		germanOrgSuffixes: strings.Fields(germanOrgSuffixes),
		cues:              make(map[string]cueKind),
		audience:          wordSet(audienceNouns),
		aux:               wordSet(auxWords),
		adjunct:           wordSet(adjunctWords),
		timeWords:         wordSet(timeWords),
		subordinators:     wordSet(subordinators),
		honorific:         make(map[string]byte),
		roleNouns:         wordSet(roleNouns),
		roleMods:          wordSet(roleModifiers),
		spokes:            wordSet(spokesRoles),
		orgNouns:          wordSet(orgNouns),
		orgCues:           wordSet(orgCues),
		nonSpeakers:       wordSet(nonSpeakers),
		nameModifiers:     wordSet(nameModifiers),
		firstPerson:       wordSet(firstPersonSingular),
		ownerModifiers:    wordSet(ownerModifiers),
		capStop:           wordSet(capStopwords),
		pronoun:           make(map[string]byte),
		particles:         wordSet(nameParticles),
		definite:          wordSet(definiteDets),
		indefinite:        wordSet(indefiniteDets),
		abbrev:            wordSet(abbreviations),
		places:            wordSet(placeNames),
		generic:           wordSet(genericPersonNouns),
		demonyms:          wordSet(demonyms),
		orgTypes:          wordSet(orgTypeNouns),
		selfNaming:        wordSet(selfNamingOrgNouns),
		descriptors:       wordSet(descriptorNouns),
		titleRoles:        make(map[string]string),
		nonRoleIst:        wordSet(nonRoleIst),
		kin:               wordSet(kinNouns),
		finite:            wordSet(finiteVerbs),
		spokesOnly:        wordSet(spokesOnlyRoles),
		titleAbbrev:       wordSet(titleAbbrevs),
	}
	for _, kv := range strings.Fields(titleRoles) {
		if k, v, ok := strings.Cut(kv, "="); ok {
			l.titleRoles[k] = v
		}
	}
	for w := range wordSet(thatVerbs) {
		l.cues[w] = cueThat
	}
	for w := range wordSet(sayVerbs) {
		l.cues[w] = cueSay
	}
	for w := range wordSet(tellVerbs) {
		l.cues[w] = cueTell
	}
	for w := range wordSet(participleCues) {
		l.cues[w] = cueParticiple
	}
	for _, w := range []string{"according", "laut", "selon", "après"} {
		l.cues[w] = cuePrep
	}
	for _, w := range []string{"zufolge", "so"} {
		l.cues[w] = cuePost
	}
	for w := range wordSet(maleHonorifics) {
		l.honorific[w] = 'm'
	}
	for w := range wordSet(femaleHonorifics) {
		l.honorific[w] = 'f'
	}
	for w := range wordSet(neutralHonorifics) {
		l.honorific[w] = 'n'
	}
	for w := range wordSet(malePronouns) {
		l.pronoun[w] = 'm'
	}
	for w := range wordSet(femalePronouns) {
		l.pronoun[w] = 'f'
	}
	for w := range wordSet(orgPronouns) {
		l.pronoun[w] = 'o'
	}
	return l
}

// isRoleWord reports a role noun, including German compounds and hyphenated
// forms that end in one ("Bundesbauministerin", "SPD-Politikerin") and
// "-ist" professions ("astrophysicist").
func isRoleWord(w string) bool {
	l := lex()
	if l.roleNouns[w] || l.spokes[w] {
		return true
	}
	if i := strings.LastIndexByte(w, '-'); i >= 0 && i+1 < len(w) && l.roleNouns[w[i+1:]] {
		return true
	}
	if len(w) >= 9 {
		for _, suf := range []string{"ministerin", "minister", "präsidentin", "präsident", "sprecherin", "sprecher", "politikerin", "politiker", "kanzlerin", "kanzler", "chefin", "vorsitzende", "vorsitzender", "direktorin", "direktor", "meisterin", "meister", "leiterin", "leiter"} {
			if strings.HasSuffix(w, suf) {
				return true
			}
		}
	}
	return len(w) >= 8 && strings.HasSuffix(w, "ist") && !l.nonRoleIst[w] && !l.nonRoleIst[w[len(w)-5:]]
}

// isRoleTok is isRoleWord for a token: a capitalised word is a title only
// when listed or a German compound, never by the "-ist" ending, which
// capitalised is more often a surname ("Lindqvist", "Almquist").
func isRoleTok(t token) bool {
	if t.isCap() && strings.HasSuffix(t.lower, "ist") {
		return lex().roleNouns[t.lower] || lex().spokes[t.lower]
	}
	return isRoleWord(t.lower)
}

// isAgeDescriptor reports "24-year-old", "52-Jährige".
func isAgeDescriptor(w string) bool {
	return strings.HasSuffix(w, "-year-old") || strings.HasSuffix(w, "-jährige") || strings.HasSuffix(w, "-jähriger")
}

// isDemonym reports a nationality noun: "Hungarian", "Spaniard", "Swiss".
func isDemonym(w string) bool {
	if lex().demonyms[w] {
		return true
	}
	for _, suf := range []string{"ian", "ean", "ese", "ish"} {
		if len(w) > len(suf)+3 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}
