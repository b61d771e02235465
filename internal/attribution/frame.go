package attribution

import "strings"

// frame is an attribution found in a sentence: a source mention joined to
// a reporting cue. Tokens [lo, hi) are the frame itself; what was said lies
// before or after it.
type frame struct {
	m      mention
	cue    string // the reporting word as written
	kind   cueKind
	cueTok int
	lo, hi int
	main   bool // the cue belongs to the sentence's main clause
}

// passiveWords before a verb mean it does not report speech by its
// subject: "Iran is said to be …".
var passiveWords = map[string]bool{"is": true, "was": true, "are": true, "were": true, "been": true, "be": true, "being": true}

// cueAt returns the kind of reporting cue at toks[i], if any, with the
// pronoun of a French inversion ("a-t-il déclaré", "explique-t-elle").
func cueAt(toks []token, i int) (cueKind, byte) {
	t := toks[i]
	if t.kind != tWord {
		return 0, 0
	}
	l := lex()
	w := t.lower
	if t.isCap() && (i > 0 || l.cues[w] != cuePrep) {
		return 0, 0 // "The United States", "So far"
	}
	if k := l.cues[w]; k != 0 {
		switch w {
		case "according":
			if i+1 < len(toks) && toks[i+1].is("to") {
				return k, 0
			}
			return 0, 0
		case "après":
			if i > 0 && (toks[i-1].is("d’") || toks[i-1].is("d'")) {
				return k, 0
			}
			return 0, 0
		case "so":
			// „…“, so Müller.
			if i >= 2 && toks[i-1].isPunct(",") && toks[i-2].kind == tQuote {
				return k, 0
			}
			return 0, 0
		case "teilte", "fügte":
			return k, 0 // separable: "teilte … mit", "fügte … hinzu"
		case "say":
			return 0, 0 // too often "they say", "say, for example"
		}
		return k, 0
	}
	// French inversion with the pronoun glued on
	// (cut rather than split: this runs for every token, most have no "-")
	if stem, rest, ok := strings.Cut(w, "-"); ok {
		p := rest[strings.LastIndexByte(rest, '-')+1:]
		var g byte
		switch p {
		case "il":
			g = 'm'
		case "elle":
			g = 'f'
		default:
			return 0, 0
		}
		if k := l.cues[stem]; k != 0 {
			return k, g
		}
		if stem == "a" && i+1 < len(toks) && l.cues[toks[i+1].lower] != 0 {
			return 0, 0 // the participle after it is the cue
		}
	}
	return 0, 0
}

// findFrame tries to build a frame around the cue at toks[i]: the source
// to its left ("Peskov said"), else to its right ("said Jake Sullivan,
// national security adviser …").
func findFrame(s string, toks []token, i int, prev *frame) (frame, bool) {
	kind, glued := cueAt(toks, i)
	if kind == 0 {
		return frame{}, false
	}
	f := frame{kind: kind, cueTok: i, cue: toks[i].text}
	if glued != 0 {
		f.m = mention{from: i, to: i + 1, pronoun: glued}
		f.lo, f.hi = i, i+1
		return f, true
	}
	switch kind {
	case cuePrep:
		st := i + 1
		if toks[i].is("according") {
			st = i + 2
			f.cue = s[toks[i].start:toks[i+1].end]
		}
		if toks[i].is("après") {
			f.cue = s[toks[i-1].start:toks[i].end]
		}
		m, after, ok := parseRight(s, toks, st)
		if ok && after < len(toks) && toks[after].kind != tPunct && !toks[i].is("laut") {
			ok = false // "according to US findings"
		}
		if !ok {
			if m, after, ok = orgPhrase(s, toks, st); !ok {
				return f, false
			}
		}
		f.m, f.lo, f.hi = m, i, after
		if toks[i].is("après") {
			f.lo = i - 1
		}
		return f, true
	case cuePost:
		if toks[i].is("so") {
			m, after, ok := parseRight(s, toks, i+1)
			if !ok || (after < len(toks) && toks[after].kind != tPunct) {
				return f, false
			}
			f.m, f.lo, f.hi = m, i, after
			return f, true
		}
		m, ok := parseLeft(s, toks, i)
		if !ok {
			return f, false
		}
		f.m, f.lo, f.hi = m, m.from, i+1
		return f, true
	case cueParticiple:
		if i == 0 || !toks[i-1].isPunct(",") {
			return f, false
		}
		if prev == nil {
			// "Alan Prentice was more critical of the officials, saying …":
			// the participle continues the sentence's subject
			st := subjectStart(toks)
			m, _, ok := parseRight(s, toks, st)
			if !ok || m.descr || m.spokes || (m.name == "" && m.pronoun == 0) || m.pronoun == 'o' {
				return f, false
			}
			m.from, m.to = i, i+1
			f.m, f.lo, f.hi, f.main = m, i, i+1, true
			return f, true
		}
		f.m, f.lo, f.hi = prev.m, i, i+1
		return f, true
	}
	if i > 0 && toks[i-1].kind == tWord && passiveWords[toks[i-1].lower] {
		return f, false
	}
	// the source on the left, past auxiliaries: "Peskov has also said"
	j := i
	for j > 0 && toks[j-1].kind == tWord && lex().aux[toks[j-1].lower] && !(j-1 == 0) {
		j--
	}
	if j > 0 && toks[j-1].kind == tWord && strings.HasPrefix(toks[j-1].lower, "a-t-") {
		// "a-t-il déclaré"
		g := byte('m')
		if strings.HasSuffix(toks[j-1].lower, "elle") {
			g = 'f'
		}
		f.m = mention{from: j - 1, to: j, pronoun: g}
		f.lo, f.hi = j-1, i+1
		return f, true
	}
	end := j
	var role string
	var acronym string
	whichApp := false // "Water UK, which represents water companies, said"
	if end >= 3 && toks[end-1].isPunct(")") && toks[end-3].isPunct("(") && toks[end-2].isCap() {
		// "The Associated Society of … (Aslef) said": the short name it goes by
		acronym = toks[end-2].text
		end -= 3
	}
	if end > 0 && toks[end-1].isPunct(",") {
		// "Jake Sullivan, the White House national security adviser, told"
		for c := end - 2; c > 0 && c >= end-16; c-- {
			if !toks[c].isPunct(",") {
				continue
			}
			if r, after := readApposition(s, toks, c+1); after == end-1 {
				// "Jake Sullivan, the White House national security adviser, told"
				role, end = r, c
				whichApp = toks[c+1].is("which")
				if c >= 3 && toks[c-2].isPunct(",") && isAgeToken(toks[c-1]) {
					end = c - 2 // "Ken Barraclough, 78, who worked …, said"
				}
				break
			}
			if m, ok := analyzeNP(s, toks, c+1, end-1); ok && m.name != "" && m.pronoun == 0 && !m.descr {
				// "The festival's director, Hannah Solberg, said"
				if r := rolePhraseBefore(s, toks, c); r != "" || hasPersonRole(m.role) {
					// "The bill's sponsor, Labour MP Helen Carrow, told": the
					// name carries its own title
					if m.role == "" {
						m.role = r
					}
					m.personCue, m.kind = true, Person
					f.m, f.lo, f.hi, f.main = m, c+1, i+1, true
					return f, true
				}
			}
			if m, ok := analyzeNP(s, toks, c+1, end-1); ok && m.name != "" && m.pronoun == 0 && !m.descr && !m.personCue && orgNounPhraseBefore(toks, c) {
				// "The club, Vaults, said": a name after an organisation noun
				m.kind = Organization
				f.m, f.lo, f.hi, f.main = m, c+1, i+1, true
				return f, true
			}
			if anyApposition(toks, c+1, end-1) {
				// "Ben Hartley, one of the two members who voted against
				// the plan, said": no role, but a name stands before it
				nameEnd := c
				if c >= 3 && toks[c-2].isPunct(",") && isAgeToken(toks[c-1]) {
					nameEnd = c - 2 // "Ken Barraclough, 78, who worked …, said"
				}
				if m, ok := parseLeft(s, toks, nameEnd); ok && m.pronoun == 0 && !m.descr && (m.personCue || len(nameWords(m.name)) >= 2) {
					f.m, f.lo, f.hi = m, m.from, i+1
					f.main = m.from == 0 || !lex().subordinators[toks[m.from-1].lower]
					return f, true
				}
			}
			break
		}
	}
	{
		if m, ok := parseLeft(s, toks, end); ok && (end == j || m.pronoun == 0) {
			if whichApp && !m.personCue && m.pronoun == 0 && m.name != "" {
				m.kind = Organization // "which", not "who": not a person
			}
			if acronym != "" && (m.kind == Organization || m.name == "") {
				m = mention{from: m.from, to: m.to, name: acronym, kind: Organization}
			}
			if role != "" && m.role == "" && !m.descr {
				m.role = role
				m.personCue = m.personCue || hasPersonRole(role)
				if m.kind == Organization && len(nameWords(m.name)) >= 2 {
					m.kind = Person
				}
			}
			f.m, f.lo, f.hi = m, m.from, i+1
			f.main = m.from == 0 || !lex().subordinators[toks[m.from-1].lower]
			return f, true
		}
	}
	// a second verb of the sentence's subject: "Jury president Oliver
	// Brandt called the film … and said the decision had been unanimous"
	if j > 0 && (toks[j-1].is("and") || toks[j-1].is("but") || toks[j-1].is("und") || toks[j-1].is("et")) {
		if m, ok := coordinatedSubject(s, toks, j-1); ok {
			f.m, f.lo, f.hi = m, i, i+1
			f.m.from, f.m.to = j-1, j // the subject is far away; content follows the verb
			f.main = true
			return f, true
		}
	}
	// the source on the right: "…,” said Jake Sullivan", "…, a déclaré le ministre"
	if i > 0 && !(toks[i-1].kind == tPunct || toks[i-1].kind == tQuote || lex().aux[toks[i-1].lower]) {
		return f, false
	}
	if kind == cueTell {
		return f, false // what follows "told" is the audience: "…, told MPs that"
	}
	if m, after, ok := describedName(s, toks, i+1); ok {
		f.m, f.lo, f.hi = m, j, after
		f.main = true
		return f, true
	}
	m, after, ok := parseRight(s, toks, i+1)
	if !ok {
		return f, false
	}
	if after < len(toks) && toks[after].kind == tWord && !lex().adjunct[toks[after].lower] && !lex().subordinators[toks[after].lower] && !isDet(toks[after]) {
		return f, false
	}
	f.m, f.lo, f.hi = m, j, after // j: past "a" in "…, a déclaré X"
	f.main = true
	return f, true
}

// content is what a frame says was said: quotation indexes for a direct
// quote, or a token range for reported speech.
type content struct {
	quotes []int // block quote indexes, in order
	from   int   // token range of a reported clause
	to     int
	direct bool
	ok     bool
}

// contentOf finds what the frame f reports: a quote just before it
// (“…,” she said), a quote or clause after it (He said: “…”; Peskov said
// talks are planned), a split quote around it, or a clause before it
// (…, the Kremlin said).
func contentOf(toks []token, f frame) content {
	l := lex()
	// before: up to lo, without the trailing comma
	bEnd := f.lo
	for bEnd > 0 && toks[bEnd-1].kind == tPunct && (toks[bEnd-1].text == "," || toks[bEnd-1].text == ":" || toks[bEnd-1].text == "—" || toks[bEnd-1].text == "–") {
		bEnd--
	}
	commaBefore := bEnd < f.lo
	// after: skip the audience of "told", adjuncts and "that"
	a := f.hi
	if f.kind == cueTell || toks[f.cueTok].lower == "told" {
		a = skipAudience(toks, a)
	}
	a = skipAdjuncts(toks, a)
	if a < len(toks) && toks[a].is("that") && thatDeterminer(toks, a) {
		return content{} // "maintains that high standard": a determiner, no clause
	}
	saw := false
	for a < len(toks) && (toks[a].isPunct(",") || toks[a].isPunct(":") || toks[a].is("that") || toks[a].is("dass") || toks[a].is("que") || toks[a].is("qu’") || toks[a].is("qu'") || separable(toks, a)) {
		if toks[a].kind == tWord {
			saw = true
		}
		a++
	}
	aEnd := len(toks)
	if a < len(toks) && l.cues[toks[a].lower] == cueParticiple {
		aEnd = a // "…, Berg said, adding that …": the participle has its own frame
	}
	for k := a; k < aEnd; k++ {
		if toks[k].isPunct(",") && k+1 < len(toks) && l.cues[toks[k+1].lower] == cueParticiple {
			aEnd = k
			break
		}
	}
	for aEnd > a && toks[aEnd-1].kind == tPunct {
		aEnd--
	}
	var c content
	if f.m.from > 0 && f.m.from == f.lo && (toks[f.m.from-1].is("which") || toks[f.m.from-1].is("who") || toks[f.m.from-1].is("whom")) {
		return c // "Prime, which Jeff Bezos said had surpassed …": the clause lacks its subject
	}
	if a < aEnd && !saw && toks[a].kind == tWord && l.finite[toks[a].lower] {
		return c // "the 95% the World Health Organization says is needed": no subject
	}
	if a < aEnd && toks[a].kind != tQuote {
		// "said in a letter to Abbott last month: “…”"
		for k := a; k < aEnd && k-a <= 9; k++ {
			if toks[k].kind == tQuote {
				if k > a && (toks[k-1].isPunct(":") || toks[k-1].isPunct(",")) && onlyQuotes(toks[k:aEnd]) {
					a = k
				}
				break
			}
		}
	}
	// a quote right before the frame
	if bEnd > 0 && toks[bEnd-1].kind == tQuote && onlyQuotes(toks[:bEnd]) {
		c.quotes = quoteIdx(toks[:bEnd])
		c.direct, c.ok = true, true
		if a < aEnd && toks[a].kind == tQuote && onlyQuotes(toks[a:aEnd]) {
			c.quotes = append(c.quotes, quoteIdx(toks[a:aEnd])...) // split quote
		}
		return c
	}
	if f.kind == cuePrep && commaBefore && bEnd > 0 {
		a = aEnd // "…, according to A, role, and B": the clause is before it
	}
	if a < aEnd && (toks[a].is("and") || toks[a].is("or") || toks[a].is("und") || toks[a].is("et")) {
		a = aEnd // "…, said A, and B …" continues a list, not a clause
	}
	if a < aEnd {
		if onlyQuotes(toks[a:aEnd]) {
			c.quotes = quoteIdx(toks[a:aEnd])
			c.direct, c.ok = true, true
			return c
		}
		if f.kind == cueThat && !saw && toks[a].kind != tQuote && !subjectPronounClause(toks, a) {
			// "denied Sullivan's statement": no clause
		} else if f.kind != cuePost && clauseWords(toks[a:aEnd]) >= 3 && (f.m.from >= f.lo || f.kind == cuePrep || f.kind == cueParticiple || f.lo == 0 || !commaBefore || bEnd == 0) {
			c.from, c.to, c.ok = a, aEnd, true
			return c
		}
	}
	colonAfter := f.hi < len(toks) && toks[f.hi].isPunct(":")
	if bEnd > 0 && commaBefore && !colonAfter && (f.hi >= len(toks) || a >= aEnd || clauseWords(toks[a:aEnd]) < 3) && clauseWords(toks[:bEnd]) >= 3 {
		c.from, c.to, c.ok = 0, bEnd, true
		return c
	}
	if bEnd > 0 && commaBefore && f.kind == cuePrep && clauseWords(toks[:bEnd]) >= 3 {
		c.from, c.to, c.ok = 0, bEnd, true
		return c
	}
	return c
}

// subjectPronounClause reports a clause opening with a subject pronoun and
// a verb, so a that-verb reports it although "that" was left out: "admitted
// he had a few nerves" (but not "denied Sullivan's statement").
func subjectPronounClause(toks []token, a int) bool {
	if a+1 >= len(toks) || toks[a+1].kind != tWord {
		return false
	}
	switch toks[a].lower {
	case "he", "she", "it", "they", "we", "i":
		return true
	}
	// "claimed the party was …", "warned its guidance would …": a short
	// determiner phrase, then a finite verb
	if !isDet(toks[a]) && !possessiveDet[toks[a].lower] {
		return false
	}
	for k := a + 1; k < len(toks) && k <= a+4; k++ {
		t := toks[k]
		if t.kind != tWord || isRelative(t) || t.is("that") || lex().cues[t.lower] != 0 {
			return false
		}
		if k > a+1 && lex().finite[t.lower] {
			return true
		}
	}
	return false
}

// skipAdjuncts steps over "on Tuesday", "in a statement", "last week",
// "yesterday" after a reporting verb.
func skipAdjuncts(toks []token, a int) int {
	l := lex()
	for a < len(toks) && toks[a].kind == tWord {
		w := toks[a].lower
		if l.timeWords[w] {
			a++
			continue
		}
		if !l.adjunct[w] {
			break
		}
		// a short phrase that ends in a time word or before "that"/","
		end := -1
		for k := a + 1; k < len(toks) && k <= a+4; k++ {
			if toks[k].kind != tWord {
				if toks[k].isPunct(",") {
					end = k
				}
				break
			}
			if l.timeWords[toks[k].lower] {
				end = k + 1
				break
			}
			if toks[k].is("that") {
				end = k
				break
			}
		}
		if end < 0 {
			if w == "yesterday" || w == "today" || w == "tonight" || w == "recently" || w == "also" || w == "again" || w == "publicly" || w == "earlier" || w == "later" {
				a++
				continue
			}
			break
		}
		a = end
	}
	return a
}

func onlyQuotes(ts []token) bool {
	n := 0
	for _, t := range ts {
		switch t.kind {
		case tQuote:
			n++
		case tWord:
			return false
		}
	}
	return n > 0
}

func quoteIdx(ts []token) []int {
	var out []int
	for _, t := range ts {
		if t.kind == tQuote {
			out = append(out, t.q)
		}
	}
	return out
}

func clauseWords(ts []token) int {
	n := 0
	for _, t := range ts {
		switch t.kind {
		case tWord:
			n++
		case tQuote:
			n += 2
		}
	}
	return n
}

// skipAudience steps over the one object of "told": "told reporters",
// "told the BBC", "told a news conference", "told Reuters".
func skipAudience(toks []token, a int) int {
	l := lex()
	if a >= len(toks) {
		return a
	}
	isObj := func(t token) bool {
		return t.isCap() && l.pronoun[t.lower] == 0 && !l.capStop[t.lower] || l.audience[t.lower]
	}
	switch t := toks[a]; {
	case isDet(t):
		a++
		for a < len(toks) && isObj(toks[a]) {
			a++
		}
	case l.audience[t.lower]:
		a++
	case isObj(t):
		for a < len(toks) && toks[a].isCap() {
			a++
		}
	}
	return a
}

// subjectStart is where the sentence's subject begins, past an opening
// connective ("But", "Meanwhile,").
func subjectStart(toks []token) int {
	k := 0
	for k < len(toks) && (toks[k].kind == tPunct || toks[k].isCap() && lex().capStop[toks[k].lower] && !isDet(toks[k])) {
		k++
	}
	return k
}

// separable reports the particle of a German separable verb before its
// clause: "kündigte an, dass …", "teilte mit, …", "fügte hinzu, …".
func separable(toks []token, a int) bool {
	switch toks[a].lower {
	case "an", "mit", "hinzu", "ein":
		return a+1 < len(toks) && (toks[a+1].isPunct(",") || toks[a+1].isPunct(":"))
	}
	return false
}

// describedName reads "his sister, Anna Keller" or "the bank's chief
// executive, Sandra Oyelaran" after a verb: a short description holding a
// role or kin word, a comma, then the name it introduces.
func describedName(s string, toks []token, st int) (mention, int, bool) {
	if st >= len(toks) || !(isDet(toks[st]) || possessiveDet[toks[st].lower]) {
		return mention{}, st, false
	}
	c := st + 1
	hasRole := false
	for c < len(toks) && c-st <= 6 && toks[c].kind == tWord {
		if isRoleWord(toks[c].lower) || lex().kin[toks[c].lower] {
			hasRole = true
		}
		c++
	}
	if !hasRole || c >= len(toks) || !toks[c].isPunct(",") || c == st+1 {
		return mention{}, st, false
	}
	m, after, ok := parseRight(s, toks, c+1)
	if !ok || m.name == "" || m.pronoun != 0 || m.descr || m.spokes {
		return mention{}, st, false
	}
	if m.role == "" {
		r0 := st
		if possessiveDet[toks[r0].lower] || isDet(toks[r0]) {
			r0++
		}
		m.role = cleanRole(s[toks[r0].start:toks[c-1].end])
	}
	m.personCue, m.kind = true, Person
	return m, after, true
}

// anyApposition reports whether toks[from:to] can be an apposition without
// a role: a short phrase opening with a lower-case word ("one of the two
// members who voted against the plan", "a former nurse").
func anyApposition(toks []token, from, to int) bool {
	if to-from < 1 || to-from > 16 {
		return false
	}
	first := toks[from]
	return first.kind == tWord && !first.isCap() && !lex().cues[first.lower].isVerb()
}

// orgPhrase reads a short phrase up to punctuation that ends in an
// organisation noun: "according to the city’s transportation department".
func orgPhrase(s string, toks []token, st int) (mention, int, bool) {
	k := st
	for k < len(toks) && toks[k].kind == tWord && k-st < 7 {
		k++
	}
	if k == st || k-st >= 7 || (k < len(toks) && toks[k].kind != tPunct) {
		return mention{}, st, false
	}
	head := toks[k-1]
	if !lex().orgNouns[head.lower] || lex().nonSpeakers[head.lower] {
		return mention{}, st, false
	}
	from := st
	if isDet(toks[from]) {
		from++
	}
	if from >= k {
		return mention{}, st, false
	}
	return mention{from: st, to: k, name: capitalize(s[toks[from].start:head.end]), kind: Organization}, k, true
}

// coordinatedSubject finds the subject of a verb joined by "and" at toks[and]
// ("… and warned that …"): the subject of the clause it is coordinated
// with. That is the sentence's subject unless a subordinate clause with its
// own subject stands between them ("Shares in X fell after the group cut
// its forecast and warned that …": the group warned, not the shares); then
// it is that clause's subject, and only a name or an organisation noun.
func coordinatedSubject(s string, toks []token, and int) (mention, bool) {
	st := subjectStart(toks)
	sub := false
	for k := and - 1; k > st; k-- {
		if toks[k].kind == tWord && !toks[k].isCap() && lex().subordinators[toks[k].lower] {
			st, sub = k+1, true
			break
		}
	}
	m, _, ok := parseRight(s, toks, st)
	if !ok || m.pronoun != 0 || m.name == "" {
		return m, false
	}
	if sub && (m.descr && m.kind != Organization || m.spokes) {
		return m, false
	}
	return m, true
}

// thatDeterminer reports "that" used as a determiner after a verb
// ("maintains that high standard"), not as a conjunction ("said that costs
// would rise"): it is followed by a lower-case word that is no determiner
// or pronoun, and the phrase up to the next punctuation has no word that
// can be a finite verb (a listed auxiliary, or a word in -ed or -s).
func thatDeterminer(toks []token, a int) bool {
	if a+1 >= len(toks) || toks[a+1].kind != tWord || toks[a+1].isCap() {
		return false
	}
	n := toks[a+1]
	if isDet(n) || possessiveDet[n.lower] || lex().pronoun[n.lower] != 0 {
		return false
	}
	for k := a + 1; k < len(toks) && toks[k].kind == tWord; k++ {
		w := toks[k].lower
		if lex().finite[w] || strings.HasSuffix(w, "ed") || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
			return false
		}
	}
	return true
}

// isAgeToken reports a bare age between commas after a name: "Ken
// Barraclough, 78, said".
func isAgeToken(t token) bool {
	if t.kind != tWord || len(t.text) < 1 || len(t.text) > 3 {
		return false
	}
	for _, r := range t.text {
		if r < '0' || r > '9' {
			return false
		}
	}
	return true
}

// orgNounPhraseBefore reports a short phrase ending at the comma toks[c]
// that is a determiner and an organisation noun opening the sentence or
// following punctuation: "The club, Vaults, said", "The union, Unite, said".
func orgNounPhraseBefore(toks []token, c int) bool {
	st := c - 1
	for st > 0 && toks[st-1].kind == tWord && c-st < 3 {
		st--
	}
	if st < 0 || c-st < 2 || (st > 0 && toks[st-1].kind != tPunct) || !isDet(toks[st]) {
		return false
	}
	h := toks[c-1]
	return h.kind == tWord && !h.isCap() && lex().orgNouns[h.lower] && !lex().nonSpeakers[h.lower]
}
