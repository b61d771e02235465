package attribution

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// mention is a noun phrase that can be the source of a statement: a name
// with an optional role ("Kremlin spokesman Dmitry Peskov"), a pronoun
// ("he"), a description ("the White House national security adviser"), an
// organisation ("the Kremlin", "Iranian state media") or an unnamed
// spokesperson of one ("a spokesman for the ministry").
type mention struct {
	from, to   int    // token range [from, to) in the sentence
	name       string // the name as written, without determiner or role
	role       string // role text ("Kremlin spokesman"), or ""
	head       string // lower-case head noun of a description ("adviser")
	kind       SpeakerKind
	gender     byte // 'm', 'f' or 0
	pronoun    byte // 'm', 'f', 'o' for he/she/it, else 0
	definite   bool // starts with "the"/"der"/"le"
	indefinite bool // starts with "a"/"ein"/"un"
	descr      bool // a description without a name: resolve to an earlier speaker
	spokes     bool // an unnamed spokesperson: attribute to org
	org        string
	personCue  bool // a title, honorific or person role says this is a person
	sentStart  bool // the mention opens the sentence
}

// npWord reports whether token t can sit inside a speaker noun phrase.
func npWord(t token) bool {
	if t.kind != tWord {
		return false
	}
	l := lex()
	if t.isCap() {
		if i := strings.IndexAny(t.lower, "’'"); i > 0 && (l.capStop[t.lower[:i]] || t.lower[:i] == "i") && !isAcronym(t.text[:i]) {
			return false // "We’ve", "It’s", "I’m" (but "WHO's")
		}
		return !l.capStop[t.lower] || l.definite[t.lower] || l.indefinite[t.lower] || isAcronym(t.text)
	}
	return t.lower == "’s" || isRoleWord(t.lower) || l.roleMods[t.lower] || isAgeDescriptor(t.lower) ||
		l.orgNouns[t.lower] || l.spokes[t.lower] || t.lower == "state" || t.lower == "media" ||
		l.definite[t.lower] || l.indefinite[t.lower]
}

func isDet(t token) bool {
	return t.kind == tWord && (lex().definite[t.lower] || lex().indefinite[t.lower])
}

// isLinkWord reports words that may join two parts of a speaker phrase:
// "spokesman for the ministry", "Secretary of State Antony Blinken".
func isLinkWord(t token) bool {
	switch t.lower {
	case "of", "for", "at", "de", "du", "des", "der", "von", "d’", "d'":
		return t.kind == tWord
	}
	return false
}

// parseLeft reads the speaker phrase that ends just before toks[end]
// ("…, Kremlin spokesman Dmitry Peskov said"). It returns false when no
// acceptable phrase ends there.
func parseLeft(s string, toks []token, end int) (mention, bool) {
	if end <= 0 {
		return mention{}, false
	}
	l := lex()
	last := toks[end-1]
	if last.kind == tWord {
		if p, ok := l.pronoun[last.lower]; ok {
			return mention{from: end - 1, to: end, pronoun: p, sentStart: end-1 == 0}, true
		}
	}
	k := end - 1
	for k >= 0 {
		t := toks[k]
		if isDet(t) {
			// "a spokesman for the ministry": keep going past "for the"
			if k >= 2 && isLinkWord(toks[k-1]) && npWord(toks[k-2]) && !isDet(toks[k-2]) {
				k -= 2
				continue
			}
			break
		}
		if isLinkWord(t) && k > 0 && k < end-1 && npWord(toks[k-1]) && !isDet(toks[k-1]) && (toks[k+1].isCap() || isDet(toks[k+1]) || l.orgNouns[toks[k+1].lower]) {
			k--
			continue
		}
		if k > 0 && k < end-1 && orgJoin(toks, k) {
			k--
			continue
		}
		if k > 0 && k < end-1 && kinAfterPossessive(toks, k) {
			k-- // "her son David said": the phrase opens at "her"
			break
		}
		if !npWord(t) {
			k++
			break
		}
		if k == 0 {
			break
		}
		k--
	}
	if k < 0 {
		k = 0
	}
	if k >= end {
		return mention{}, false
	}
	return analyzeNP(s, toks, k, end)
}

// orgJoin reports whether toks[k] ("and", "&" or a list comma) joins two
// parts of one organisation's name: "Department of Health and Social
// Care", "Department for Environment, Food and Rural Affairs". The words
// before it must hold an organisation word followed by "of" or "for".
func orgJoin(toks []token, k int) bool {
	t := toks[k]
	if !(t.is("and") || t.is("und") || t.is("et") || t.isPunct("&") || t.text == "&" || t.isPunct(",")) || !toks[k-1].isCap() || !toks[k+1].isCap() {
		return false
	}
	if t.isPunct(",") {
		// a list comma needs "and" + capital within the next three tokens
		ok := false
		for j := k + 2; j < len(toks) && j <= k+3; j++ {
			if toks[j].is("and") && j+1 < len(toks) && toks[j+1].isCap() {
				ok = true
			}
		}
		if !ok {
			return false
		}
	}
	l := lex()
	for j := k - 1; j >= 1 && j >= k-6; j-- {
		if toks[j].kind != tWord && !toks[j].isPunct(",") {
			return false
		}
		if (toks[j].is("of") || toks[j].is("for")) && toks[j-1].isCap() && l.orgCues[toks[j-1].lower] {
			return true
		}
	}
	return false
}

// isAcronym reports an all-capitals word of two letters or more ("WHO").
func isAcronym(w string) bool {
	if len(w) < 2 {
		return false
	}
	for _, r := range w {
		if !unicode.IsUpper(r) {
			return false
		}
	}
	return true
}

// parseRight reads the speaker phrase starting at toks[start] ("said Jake
// Sullivan, national security adviser to …"), with an apposition after a
// comma giving the role. It returns the mention and the index after it.
func parseRight(s string, toks []token, start int) (mention, int, bool) {
	l := lex()
	if start >= len(toks) {
		return mention{}, start, false
	}
	t := toks[start]
	if t.kind == tWord {
		if p, ok := l.pronoun[t.lower]; ok {
			return mention{from: start, to: start + 1, pronoun: p}, start + 1, true
		}
	}
	k := start
	if isDet(toks[k]) {
		k++
	}
	for k < len(toks) {
		t := toks[k]
		if isDet(t) && k > start && isLinkWord(toks[k-1]) {
			k++
			continue
		}
		if isLinkWord(t) && k > start && k+1 < len(toks) && (toks[k+1].isCap() || isDet(toks[k+1])) {
			k++
			continue
		}
		if isLinkWord(t) && k > start && isRoleWord(toks[k-1].lower) && !toks[k-1].isCap() {
			// "director of rugby Alan Prentice": a role's lower-case complement
			j := k + 1
			for j < len(toks) && j <= k+2 && toks[j].kind == tWord && !toks[j].isCap() && !isDet(toks[j]) {
				j++
			}
			if j > k+1 && j < len(toks) && toks[j].isCap() {
				k = j
				continue
			}
		}
		if k > start && k+1 < len(toks) && orgJoin(toks, k) {
			k++
			continue
		}
		if !npWord(t) || isDet(t) {
			break
		}
		if t.lower == "’s" && (k+1 >= len(toks) || !npWord(toks[k+1]) || isDet(toks[k+1])) {
			break // "Mr Sullivan’s claim": the name ends before the possessive
		}
		k++
	}
	// do not end on a link word or determiner
	for k > start && (isLinkWord(toks[k-1]) || isDet(toks[k-1])) {
		k--
	}
	if k == start {
		return mention{}, start, false
	}
	m, ok := analyzeNP(s, toks, start, k)
	if !ok {
		return m, start, false
	}
	end := k
	if end+1 < len(toks) && toks[end].isPunct(",") && m.pronoun == 0 {
		role, after := readApposition(s, toks, end+1)
		if toks[end+1].is("which") && !m.personCue && m.name != "" {
			m.kind = Organization // "Water UK, which represents water companies"
		}
		if after > end+1 {
			if role != "" && m.role == "" && !m.descr {
				m.role = role
				m.personCue = m.personCue || hasPersonRole(role)
			}
			end = after
		}
	}
	return m, end, true
}

// readApposition reads ", national security adviser to US President Joe
// Biden" or ", who chairs the budget committee" starting at toks[i] (just
// after the comma). It returns the role (empty for a relative clause) and
// the index after the apposition, or i when there is none.
func readApposition(s string, toks []token, i int) (string, int) {
	if i >= len(toks) {
		return "", i
	}
	first := toks[i]
	if isRelative(first) {
		// "Rita Calloway, who chairs the budget committee, said": a
		// relative clause runs to the next comma, quotes and all
		j := i
		for j < len(toks) && !(toks[j].kind == tPunct && (toks[j].text == "," || toks[j].text == "." || toks[j].text == ";")) {
			j++
		}
		return "", j
	}
	if lex().cues[first.lower].isVerb() && !first.isCap() {
		return "", i // "Simon Akerele, said this year's …": the verb, not an apposition
	}
	j := i
	for j < len(toks) && !(toks[j].kind == tPunct && (toks[j].text == "," || toks[j].text == "." || toks[j].text == ";" || toks[j].text == ":")) && toks[j].kind != tQuote {
		j++
	}
	if j == i {
		return "", i
	}
	if j-i <= 5 && (first.is("of") || first.is("from") || first.is("at") || first.is("de") || first.is("du") || first.is("von")) && toks[j-1].isCap() {
		return "", j // "Sarah Lyle, of Cheshire Police, said": an affiliation
	}
	if j-i <= 4 && isDet(first) && j-i >= 2 && lex().orgNouns[toks[j-1].lower] {
		return "", j // "Unite, the union, said"
	}
	hasRole := false
	for k := i; k < j; k++ {
		if toks[k].kind == tWord && isRoleWord(toks[k].lower) {
			hasRole = true
			break
		}
	}
	if !hasRole || j-i > 14 {
		return "", i
	}
	st := i
	if isDet(toks[st]) {
		st++
	}
	if st >= j {
		return "", i
	}
	return cleanRole(s[toks[st].start:toks[j-1].end]), j
}

// cleanRole drops possessive endings so "Kremlin’s spokesperson" reads as
// "Kremlin spokesperson".
func cleanRole(r string) string {
	r = strings.ReplaceAll(r, "’s ", " ")
	r = strings.ReplaceAll(r, "'s ", " ")
	return strings.Join(strings.Fields(r), " ")
}

// isRelative reports a word opening a relative clause.
func isRelative(t token) bool {
	switch t.lower {
	case "who", "whose", "which", "whom", "qui", "dont", "deren", "dessen":
		return t.kind == tWord
	}
	return false
}

func hasPersonRole(role string) bool {
	for _, w := range strings.Fields(strings.ToLower(role)) {
		if isRoleWord(w) {
			return true
		}
	}
	return false
}

// genderOfRole reads gender from role words: "spokeswoman", "Sprecherin".
func genderOfRole(w string) byte {
	switch {
	case strings.HasSuffix(w, "woman"), strings.HasSuffix(w, "erin"), strings.HasSuffix(w, "tin"), w == "queen", w == "princess":
		return 'f'
	case strings.HasSuffix(w, "man"), w == "king", w == "prince":
		return 'm'
	}
	return 0
}

// analyzeNP splits toks[from:to] into determiner, role and name, and
// decides what kind of source it is.
func analyzeNP(s string, toks []token, from, to int) (mention, bool) {
	l := lex()
	m := mention{from: from, to: to, sentStart: from == 0}
	i := from
	if isDet(toks[i]) {
		m.definite = l.definite[toks[i].lower]
		m.indefinite = l.indefinite[toks[i].lower]
		i++
	}
	if k := i + 1; k < to-1 && kinAfterPossessive(toks, k) && toks[to-1].isCap() {
		// "her son David", "his sister Anna Keller": a relative named by kin
		allCap := true
		for j := k + 1; j < to; j++ {
			allCap = allCap && toks[j].isCap()
		}
		if allCap {
			m.name = s[toks[k+1].start:toks[to-1].end]
			m.role, m.personCue, m.kind = toks[k].lower, true, Person
			return m, true
		}
	}
	// strip a sentence-initial connective or a possessive the phrase may
	// have picked up ("But", "Ihre Sprecherin")
	for i < to && (toks[i].isCap() && l.capStop[toks[i].lower] && !isDet(toks[i]) || possessiveDet[toks[i].lower]) {
		i++
	}
	if m.definite && to-i == 1 && toks[i].isCap() && isDemonym(toks[i].lower) {
		// "the Hungarian said": the person just mentioned
		m.descr, m.head, m.kind = true, "person", Person
		return m, true
	}
	if i >= to {
		return m, false
	}
	lastTok := toks[to-1]
	if l.nonSpeakers[lastTok.lower] && !lastTok.isCap() || lastTok.lower == "’s" {
		return m, false
	}
	if lastTok.isCap() && l.nonSpeakers[lastTok.lower] && to-i == 1 {
		return m, false
	}
	if to-i == 1 && !m.definite {
		if org, ok := compoundSpokes(toks[i].lower); ok {
			// "erklärte ein Ministeriumssprecher": the ministry's spokesperson
			m.spokes, m.org, m.head, m.role = true, org, "sprecher", toks[i].text
			return m, true
		}
	}
	// an unnamed spokesperson: "a spokesman for the ministry", "a Kremlin spokesman"
	for k := i; k < to; k++ {
		if !l.spokes[toks[k].lower] {
			continue
		}
		var orgToks []token
		if k+1 < to && isLinkWord(toks[k+1]) {
			for j := k + 2; j < to; j++ {
				if !isDet(toks[j]) {
					orgToks = append(orgToks, toks[j])
				}
			}
		} else if k == to-1 {
			named := false
			for j := i; j < k; j++ {
				if toks[j].lower != "’s" && !isDet(toks[j]) {
					orgToks = append(orgToks, toks[j])
					named = named || toks[j].isCap() || l.orgNouns[toks[j].lower]
				}
			}
			if !named {
				orgToks = nil // "a senior political source": no organisation named
			}
		} else {
			break // a name follows the role: handled below
		}
		m.spokes = true
		m.gender = genderOfRole(toks[k].lower)
		m.head = toks[k].lower
		if len(orgToks) > 0 {
			m.org = s[orgToks[0].start:orgToks[len(orgToks)-1].end]
		}
		m.role = cleanRole(s[toks[i].start:toks[k].end])
		if m.org == "" && !m.definite && !(k == i && l.spokesOnly[m.head]) {
			return m, false // "a senior political source": nobody named
		}
		return m, true
	}
	// "Royal College of Emergency Medicine", "National Association of Head
	// Teachers": an organisation word joined by "of" makes the whole phrase
	// an organisation unless a lower-case role names a person in it
	if orgOfPhrase(toks[i:to]) {
		m.name = s[toks[i].start:toks[to-1].end]
		m.kind = Organization
		return m, true
	}
	// "Chief Inspector Morag Dunn of Police Scotland", "Kaufmann der
	// Deutschen Presse-Agentur": a person's name, then an affiliation
	if p := affiliationAt(toks, i, to); p > 0 {
		if pm, ok := analyzeNP(s, toks, from, p); ok && pm.name != "" && !pm.descr && !pm.spokes {
			pm.to = to
			if pm.kind != Person && (pm.personCue || len(nameWords(pm.name)) >= 2) {
				pm.kind = Person
			}
			return pm, true
		}
	}
	// the trailing name: capitalised words that are not titles or org words
	n := to
	for n > i {
		t := toks[n-1]
		if t.isCap() && !isRoleTok(t) && !l.orgCues[t.lower] && l.honorific[t.lower] == 0 && !l.capStop[t.lower] {
			n--
			continue
		}
		if t.kind == tWord && l.particles[t.lower] && !t.isCap() && n < to && n-1 > i && toks[n-2].isCap() {
			n--
			continue
		}
		break
	}
	for n < to && toks[n].kind == tWord && !toks[n].isCap() {
		n++ // a name never starts with a particle
	}
	ownedBy := false
	for n < to-1 && isNameModifier(toks[n]) {
		// "Amazon-owned Whole Foods", "London-based Orbis": a modifier, not
		// part of the name; an owner makes the name an organisation
		ownedBy = ownedBy || l.ownerModifiers[toks[n].lower[strings.LastIndexByte(toks[n].lower, '-')+1:]]
		n++
	}
	if to-n == 1 && n > i && isLinkWord(toks[n-1]) && n-1 > i && isRoleTok(toks[n-2]) {
		return m, false // "zum Spieler des Spiels": a role and what it is of, no name
	}
	if n < to {
		m.name = s[toks[n].start:toks[to-1].end]
		for k := i; k < n; k++ {
			w := toks[k].lower
			if g := l.honorific[w]; g != 0 {
				m.personCue = true
				if g != 'n' {
					m.gender = g
				}
				continue
			}
			if isRoleWord(w) {
				m.personCue = true
				if g := genderOfRole(w); g != 0 {
					m.gender = g
				}
			}
		}
		// role: the words before the name, without honorifics
		rs := i
		for rs < n && l.honorific[toks[rs].lower] != 0 {
			rs++
		}
		re := n
		for re > rs && l.honorific[toks[re-1].lower] != 0 {
			re--
		}
		if re > rs && m.personCue {
			m.role = cleanRole(s[toks[rs].start:toks[re-1].end])
			if r, ok := l.titleRoles[strings.ToLower(m.role)]; ok {
				m.role = r // "Mrs Justice Harwood": a judge
			}
		}
		m.kind = Person
		if !m.personCue && (to-n == 1 || isPlace(m.name)) {
			m.kind = Organization // a lone word: decided again when resolved
		}
		if to-n == 1 && n > i && !m.personCue {
			// "NATO member Turkey", "Iranian Raisi": keep the whole phrase as a name
			m.kind = Organization
		}
		if ownedBy && !m.personCue {
			m.kind = Organization
		}
		if n > i && !toks[n-1].isCap() && (l.orgTypes[toks[n-1].lower] || l.orgNouns[toks[n-1].lower]) && !m.personCue {
			// "budget airline SkyDart", "campaign group Clean Water Action"
			m.kind = Organization
			m.name = s[toks[n].start:toks[to-1].end]
		}
		return m, true
	}
	// no name: an organisation or a description
	head := toks[to-1]
	if l.orgCues[head.lower] || l.orgNouns[head.lower] || head.lower == "media" || isPlace(s[toks[i].start:head.end]) {
		st := i
		if head.isCap() {
			// "owner Meridian Steel": the name is the capitalised run
			for k := to - 1; k > i; k-- {
				if !(toks[k-1].isCap() || isLinkWord(toks[k-1]) && k-2 >= i && toks[k-2].isCap()) {
					st = k
					break
				}
			}
			if st > i {
				m.role = ""
			}
		}
		for st < to-1 && isNameModifier(toks[st]) {
			st++ // "Amazon-owned Whole Foods"
		}
		m.name = s[toks[st].start:head.end]
		m.kind = Organization
		m.head = head.lower
		if !head.isCap() && m.definite && !strings.Contains(m.name, " ") {
			m.descr = true // "the ministry": an earlier organisation
		}
		return m, true
	}
	if isAgeDescriptor(head.lower) {
		m.descr = true
		m.head = "person"
		m.kind = Person
		return m, !m.indefinite
	}
	if isRoleWord(head.lower) {
		m.descr = true
		m.head = head.lower
		m.role = cleanRole(s[toks[i].start:head.end])
		m.gender = genderOfRole(head.lower)
		m.kind = Person
		return m, !m.indefinite
	}
	return m, false
}

func anyOrgCue(ts []token) bool {
	for _, t := range ts {
		if lex().orgCues[t.lower] {
			return true
		}
	}
	return false
}

// compoundSpokes reads a German compound spokesperson noun
// ("Ministeriumssprecher", "Polizeisprecherin") and returns the lower-case
// organisation noun it is built on ("ministerium", "polizei").
func compoundSpokes(w string) (string, bool) {
	for _, suf := range []string{"sprecherin", "sprecher"} {
		if !strings.HasSuffix(w, suf) || len(w) <= len(suf)+3 {
			continue
		}
		org := strings.TrimSuffix(strings.TrimSuffix(w, suf), "-")
		if lex().orgNouns[org] {
			return org, true
		}
		if o := strings.TrimSuffix(org, "s"); lex().orgNouns[o] {
			return o, true
		}
	}
	return "", false
}

// affiliationAt finds the link word that ends a person's name inside
// toks[i:to] and starts an affiliation: the word before it is a capitalised
// name word, and either two name words stand before it or the words after
// it name an organisation. It returns 0 when there is none.
func affiliationAt(toks []token, i, to int) int {
	l := lex()
	for p := i + 1; p < to-1; p++ {
		t := toks[p]
		if !(t.is("of") || t.is("from") || t.is("at") || t.is("der") || t.is("des") || t.is("de") || t.is("du") || t.is("von")) {
			continue
		}
		prev := toks[p-1]
		if !prev.isCap() || isRoleTok(prev) || l.orgCues[prev.lower] || l.honorific[prev.lower] != 0 || l.capStop[prev.lower] {
			return 0
		}
		names := 0
		for k := p - 1; k >= i && toks[k].isCap() && !isRoleTok(toks[k]) && l.honorific[toks[k].lower] == 0; k-- {
			names++
		}
		org := false
		for k := p + 1; k < to; k++ {
			for _, part := range strings.Split(toks[k].lower, "-") {
				if l.orgCues[part] {
					org = true
				}
			}
		}
		if org && (names >= 2 || t.is("der") || t.is("des")) {
			return p
		}
		return 0
	}
	return 0
}

// isPlace reports a multi-word place that would otherwise look like a
// personal name ("Saudi Arabia").
func isPlace(name string) bool {
	f := strings.Fields(strings.ToLower(name))
	if len(f) > 1 && placePrefixes[f[0]] {
		return true // "South Sudan", "New Mexico", "Lake Geneva"
	}
	return lex().places[strings.Join(f, " ")]
}

// placePrefixes open multi-word place names, never a first name.
var placePrefixes = map[string]bool{"north": true, "south": true, "east": true, "west": true, "northern": true, "southern": true, "eastern": true, "western": true, "central": true, "new": true, "saint": true, "san": true, "santa": true, "port": true, "mount": true, "lake": true, "cape": true, "fort": true, "upper": true, "lower": true, "greater": true}

// capitalize upper-cases the first letter ("police" → "Police").
func capitalize(s string) string {
	r, sz := utf8.DecodeRuneInString(s)
	if r == utf8.RuneError {
		return s
	}
	return string(unicode.ToUpper(r)) + s[sz:]
}

// orgOfPhrase reports a phrase whose organisation word is followed by a
// link word ("Chamber of Commerce", "Association of Head Teachers") and
// holds no lower-case role noun.
func orgOfPhrase(ts []token) bool {
	l := lex()
	link := false
	for k, t := range ts {
		if t.kind == tWord && !t.isCap() && isRoleWord(t.lower) {
			return false
		}
		if (t.isCap() && l.orgCues[t.lower] || l.orgNouns[t.lower]) && k+2 < len(ts) && isLinkWord(ts[k+1]) {
			link = true
		}
	}
	return link && ts[len(ts)-1].isCap()
}

// rolePhraseBefore reads a role written before a name set off by commas:
// "The festival's director, Hannah Solberg, said", "Its director of
// policy, Rocio Concha, warned". c is the index of the comma before the
// name; the phrase must open the sentence or follow punctuation.
func rolePhraseBefore(s string, toks []token, c int) string {
	st := c
	for st > 0 && toks[st-1].kind == tWord && c-st < 10 {
		st--
	}
	if st == c || (st > 0 && toks[st-1].kind != tPunct) {
		return ""
	}
	hasRole := false
	for k := st; k < c; k++ {
		if isRoleWord(toks[k].lower) || lex().kin[toks[k].lower] {
			hasRole = true
		}
	}
	if !hasRole {
		return ""
	}
	for st < c && (isDet(toks[st]) || possessiveDet[toks[st].lower]) {
		st++
	}
	if st >= c {
		return ""
	}
	return cleanRole(s[toks[st].start:toks[c-1].end])
}

// possessiveDet are possessive words that open a role phrase and are not
// part of the role: "Its director of policy".
var possessiveDet = map[string]bool{"its": true, "his": true, "her": true, "their": true, "our": true, "sein": true, "seine": true, "ihr": true, "ihre": true, "son": true, "sa": true, "leur": true}

// isNameModifier reports a hyphenated modifier that stands before a name
// but is not part of it: "Amazon-owned", "London-based", "German-born".
func isNameModifier(t token) bool {
	h := strings.LastIndexByte(t.lower, '-')
	return t.kind == tWord && h > 0 && lex().nameModifiers[t.lower[h+1:]]
}

// kinAfterPossessive reports a lower-case kin noun after an English
// possessive: "her son", "his sister", "their daughter".
func kinAfterPossessive(toks []token, k int) bool {
	if k < 1 || toks[k].isCap() || !lex().kin[toks[k].lower] {
		return false
	}
	switch toks[k-1].lower {
	case "his", "her", "their", "my", "our":
		return true
	}
	return false
}
