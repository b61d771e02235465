package attribution

import (
	"sort"
	"strings"
	"unicode"

	"github.com/saywho/saywho/internal/budget"
)

// Attribute finds who said what in an article's text blocks, given in
// reading order. Headings are never statements. It returns one Speaker per
// source, in order of first appearance, each with its statements in
// reading order. A quote whose speaker cannot be found is left out rather
// than guessed. Attribute never panics and runs in time close to linear in
// the length of the text.
//
// The work is done in sieves, most precise first (see docs/ATTRIBUTION.md):
//  1. find quotations in every block, joining multi-paragraph ones;
//  2. in each sentence, join reporting cues to their sources (frames) and
//     take what each frame reports: an adjacent quote, a split quote, or a
//     reported clause;
//  3. resolve each frame's source to an entity: names and surnames, titles,
//     descriptions ("the minister"), pronouns, unnamed spokespeople;
//  4. give quote-only sentences the speaker of their paragraph, and
//     quote-only paragraphs the speaker of the paragraph before.
func Attribute(blocks []Block, opts Options) []Speaker {
	// opts.Lang is not consulted: the lexicons hold every supported
	// language at once.
	bud := budget.New(opts.Deadline)
	a := newArticle(blocks)
	a.bud = bud
	a.frames()
	if bud.Check() {
		return nil
	}
	a.quoteOnly()
	return a.speakers()
}

// sentence is one sentence of a block with its frame tokens.
type sentence struct {
	block int
	sp    span
	toks  []token
}

// gquote is a quotation across the article: one part per block it spans.
type gquote struct {
	parts   []qpart
	claimed bool
}

type qpart struct{ block, q int }

// said is one statement before it is grouped by speaker.
type said struct {
	ent  int
	st   Statement
	from int // byte offset in the block, for ordering
}

type article struct {
	blocks []Block
	quotes [][]qspan // per block
	gid    [][]int   // per block quote → global quote
	gq     []*gquote
	sents  []sentence
	// blockSents[b] is the index in sents of block b's first sentence, and
	// blockSents[b+1] one past its last: a block's sentences are contiguous.
	blockSents []int
	reg        registry
	out        []said
	// per block: speaker of the last frame in it, or -1
	blockSpeaker []int
	// per sentence: speaker of its first frame, or -1
	sentSpeaker []int
	// bud is the call's time limit, polled once per sentence.
	bud *budget.Budget
}

// tokenChunk is the most tokens newArticle puts in one array (256 KiB).
const tokenChunk = 4096

func newArticle(blocks []Block) *article {
	a := &article{blocks: blocks, quotes: make([][]qspan, len(blocks)), gid: make([][]int, len(blocks)), blockSpeaker: make([]int, len(blocks)), blockSents: make([]int, len(blocks)+1)}
	// Sentences take their tokens from shared arrays of up to tokenChunk
	// tokens, sized for about one token per four bytes of text (prose runs
	// nearer one per six): growing a slice per sentence made most of
	// attribution's garbage, and one array for a whole long article is a
	// large contiguous block that a WASM heap (it never shrinks) may have to
	// grow for.
	textBytes := 0
	for b := range blocks {
		textBytes += len(blocks[b].Text)
	}
	toks := make([]token, 0, min(textBytes/4+16, tokenChunk))
	for b := range blocks {
		a.blockSpeaker[b] = -1
		if blocks[b].Heading {
			continue
		}
		a.quotes[b] = findQuotes(blocks[b].Text)
		a.gid[b] = make([]int, len(a.quotes[b]))
	}
	// join multi-paragraph quotes: an unclosed quote continues in the next
	// block when that block opens with a quote mark
	for b := range blocks {
		a.blockSents[b] = len(a.sents)
		for qi := range a.quotes[b] {
			if b > 0 && qi == 0 && a.continues(b) {
				g := a.gid[b-1][len(a.gid[b-1])-1]
				a.gid[b][0] = g
				a.gq[g].parts = append(a.gq[g].parts, qpart{b, 0})
				continue
			}
			a.gq = append(a.gq, &gquote{parts: []qpart{{b, qi}}})
			a.gid[b][qi] = len(a.gq) - 1
		}
		if blocks[b].Heading {
			continue
		}
		text := blocks[b].Text
		for _, sp := range splitSentences(text, a.quotes[b]) {
			if need := (sp.end-sp.start)/4 + 16; cap(toks)-len(toks) < need {
				toks = make([]token, 0, max(tokenChunk, need))
			}
			start := len(toks)
			toks = appendTokens(toks, text, sp, a.quotes[b])
			a.sents = append(a.sents, sentence{block: b, sp: sp, toks: toks[start:len(toks):len(toks)]})
		}
	}
	a.blockSents[len(blocks)] = len(a.sents)
	return a
}

// continues reports whether block b's first quote carries on an unclosed
// quote from block b-1.
func (a *article) continues(b int) bool {
	prev := a.quotes[b-1]
	if a.blocks[b-1].Heading || len(prev) == 0 || prev[len(prev)-1].closed || len(a.quotes[b]) == 0 {
		return false
	}
	text := a.blocks[b].Text
	return strings.TrimSpace(text[:a.quotes[b][0].open]) == "" && startsWithOpener(text)
}

// frames runs sieves 2 and 3 over every sentence in reading order.
func (a *article) frames() {
	a.sentSpeaker = make([]int, len(a.sents))
	for si := range a.sents {
		a.sentSpeaker[si] = -1
		if a.bud.Exceeded() {
			continue
		}
		s := &a.sents[si]
		text := a.blocks[s.block].Text
		sm := sentMentions{block: s.block, main: -1}
		a.registerNames(s, si, &sm)
		var prev *frame
		claimedTo := -1
		for i := range s.toks {
			if i < claimedTo {
				continue
			}
			f, ok := findFrame(text, s.toks, i, prev)
			if !ok {
				continue
			}
			a.reg.current = sm.ents
			ent := a.resolve(f.m, s.block, si)
			c := contentOf(s.toks, f)
			fc := f
			prev = &fc
			if ent < 0 {
				continue
			}
			if f.main && sm.main < 0 {
				sm.main = ent
			}
			sm.ents = append(sm.ents, ent)
			a.blockSpeaker[s.block] = ent
			if a.sentSpeaker[si] < 0 {
				a.sentSpeaker[si] = ent
			}
			if !c.ok {
				continue
			}
			if c.direct {
				a.emitQuotes(ent, f.cue, s.block, c.quotes)
				claimedTo = f.hi
			} else {
				st := s.toks[c.from].start
				en := s.toks[c.to-1].end
				a.out = append(a.out, said{ent: ent, from: st, st: Statement{
					Text: strings.TrimSpace(text[st:en]), Cue: f.cue, Block: s.block,
					Sentence: text[s.sp.start:s.sp.end],
				}})
				if c.to > claimedTo {
					claimedTo = c.to
				}
			}
		}
		a.reg.history = append(a.reg.history, sm)
	}
}

// registerNames records the people and organisations a sentence names,
// outside quotes, so later pronouns and surnames can find them.
func (a *article) registerNames(s *sentence, serial int, sm *sentMentions) {
	text := a.blocks[s.block].Text
	l := lex()
	for i := 0; i < len(s.toks); i++ {
		t := s.toks[i]
		if !t.isCap() || (l.capStop[t.lower] && l.honorific[t.lower] == 0) {
			continue
		}
		m, after, ok := parseRight(text, s.toks, i)
		if !ok || m.pronoun != 0 || m.descr || m.spokes || m.name == "" {
			continue
		}
		words := nameWords(m.name)
		if len(words) < 2 && !m.personCue && !(m.kind == Organization && anyOrgCueText(words)) {
			// a lone capitalised word counts only if it names someone known
			if !a.known(words) {
				if after > i {
					i = after - 1
				}
				continue
			}
		}
		if m.role == "" && m.kind == Person && i >= 2 && s.toks[i-1].isPunct(",") && after < len(s.toks) && s.toks[after].isPunct(",") {
			// "Le maire de Corbas, Nadia Benali, s'est rendue sur place"
			if r := rolePhraseBefore(text, s.toks, i-1); r != "" {
				m.role, m.personCue = r, true
			}
		}
		if m.role == "" && m.kind != Organization && !anyOrgCueText(words) && len(words) >= 2 && i >= 1 && !s.toks[i-1].isCap() && isRoleTok(s.toks[i-1]) && !l.spokes[s.toks[i-1].lower] {
			// "with captain Harry Bellamy", "a song by singer Jolene Marsh":
			// a lower-case role just before a full name in running text
			k := i - 1
			for k > 0 && i-k < 3 && !s.toks[k-1].isCap() && s.toks[k-1].kind == tWord && l.roleMods[s.toks[k-1].lower] {
				k--
			}
			m.role, m.personCue, m.kind = text[s.toks[k].start:s.toks[i-1].end], true, Person
		}
		if m.kind == Person || m.personCue || a.known(words) {
			id := a.reg.resolveNamed(m, serial)
			if id >= 0 {
				sm.ents = append(sm.ents, id)
			}
		} else if m.kind == Organization && len(words) >= 1 && anyOrgCueText(words) {
			if id := a.reg.resolveNamed(m, serial); id >= 0 {
				sm.ents = append(sm.ents, id)
			}
		}
		if after > i {
			i = after - 1
		}
	}
}

func anyOrgCueText(words []string) bool {
	for _, w := range words {
		if lex().orgCues[w] || germanOrgCompound(w) {
			return true
		}
	}
	return false
}

// germanOrgCompound reports a German compound ending in a long
// organisation word: "Bundesgesundheitsministerium", "Landgericht".
func germanOrgCompound(w string) bool {
	for _, suf := range lex().germanOrgSuffixes {
		if len(w) > len(suf)+2 && strings.HasSuffix(w, suf) {
			return true
		}
	}
	return false
}

// known reports whether a one-word name is the surname or name of an
// entity already met.
func (a *article) known(words []string) bool {
	if len(words) != 1 {
		return false
	}
	for _, e := range a.reg.ents {
		if e.words[len(e.words)-1] == words[0] || e.kind == Organization && containsAll(e.words, words) {
			return true
		}
	}
	return false
}

// resolve maps a frame's source mention to an entity, or -1.
func (a *article) resolve(m mention, block, serial int) int {
	switch {
	case m.pronoun != 0:
		return a.reg.resolvePronoun(m.pronoun, block, serial)
	case m.spokes:
		if m.org != "" {
			om := mention{name: m.org, kind: Organization}
			if w := nameWords(m.org); len(w) == 1 && lex().orgNouns[w[0]] && !strings.ContainsAny(m.org[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
				om.head = w[0]
				om.name = m.org
				om.definite = true
				return a.reg.resolveOrgDescription(om, block, serial)
			}
			return a.reg.resolveNamed(om, serial)
		}
		return a.reg.resolveDescription(m, block, serial)
	case m.descr && m.kind == Organization:
		return a.reg.resolveOrgDescription(m, block, serial)
	case m.descr:
		return a.reg.resolveDescription(m, block, serial)
	case m.name != "":
		if m.kind == Organization && !strings.ContainsAny(m.name[:1], "ABCDEFGHIJKLMNOPQRSTUVWXYZ") {
			m.name = capitalize(m.name)
		}
		return a.reg.resolveNamed(m, serial)
	}
	return -1
}

// emitQuotes records the quotations qs of block b as one direct statement
// (parts of a split quote are joined with a space).
func (a *article) emitQuotes(ent int, cue string, b int, qs []int) {
	var parts []string
	first := -1
	firstBlock, firstFrom := b, 0
	for _, qi := range qs {
		g := a.gq[a.gid[b][qi]]
		if g.claimed {
			continue
		}
		g.claimed = true
		for _, p := range g.parts {
			q := a.quotes[p.block][p.q]
			parts = append(parts, strings.TrimSpace(a.blocks[p.block].Text[q.start:q.end]))
		}
		if first < 0 {
			first = qi
			firstBlock = g.parts[0].block
			firstFrom = a.quotes[firstBlock][g.parts[0].q].open
		}
	}
	if first < 0 {
		return
	}
	text := strings.TrimRight(strings.Join(parts, " "), ", ")
	if wordCount(text) == 0 {
		return
	}
	a.out = append(a.out, said{ent: ent, from: firstFrom, st: Statement{
		Text: text, Direct: true, Cue: cue, Block: firstBlock,
		Sentence: a.sentenceAt(firstBlock, firstFrom),
	}})
}

// sentenceAt returns the sentence of block b holding byte offset off.
func (a *article) sentenceAt(b, off int) string {
	text := a.blocks[b].Text
	// Only block b's sentences: scanning them all made a long article's
	// statements cost time quadratic in its length.
	for _, s := range a.sents[a.blockSents[b]:a.blockSents[b+1]] {
		if off >= s.sp.start && off < s.sp.end {
			return text[s.sp.start:s.sp.end]
		}
	}
	return ""
}

// quoteOnly is sieve 4: a sentence that is nothing but a quotation takes
// the speaker of the nearest frame in its paragraph (before it, else
// after it); a paragraph that is nothing but quotations continues the
// speaker of the paragraph just before it.
func (a *article) quoteOnly() {
	byBlock := map[int][]int{}
	for si, s := range a.sents {
		byBlock[s.block] = append(byBlock[s.block], si)
	}
	for b := range a.blocks {
		sis := byBlock[b]
		if len(sis) == 0 {
			continue
		}
		allQuotes := true
		for _, si := range sis {
			if !onlyQuotes(a.sents[si].toks) {
				allQuotes = false
			}
		}
		for k, si := range sis {
			s := a.sents[si]
			if !onlyQuotes(s.toks) {
				continue
			}
			qs := quoteIdx(s.toks)
			if a.allClaimed(b, qs) {
				continue
			}
			ent := -1
			for j := k - 1; j >= 0 && ent < 0; j-- {
				ent = a.speakerOfSentence(sis[j])
			}
			for j := k + 1; j < len(sis) && ent < 0; j++ {
				ent = a.speakerOfSentence(sis[j])
			}
			if ent < 0 && allQuotes && b > 0 && !a.blocks[b-1].Heading {
				ent = a.blockSpeaker[b-1]
			}
			if ent < 0 {
				continue
			}
			a.emitQuotes(ent, "", b, qs)
			a.blockSpeaker[b] = ent
		}
	}
}

func (a *article) allClaimed(b int, qs []int) bool {
	for _, q := range qs {
		if !a.gq[a.gid[b][q]].claimed {
			return false
		}
	}
	return true
}

// speakerOfSentence is the speaker named in sentence si: its first
// frame's, else that of a statement given to it by this sieve.
func (a *article) speakerOfSentence(si int) int {
	if a.sentSpeaker[si] >= 0 {
		return a.sentSpeaker[si]
	}
	s := a.sents[si]
	for i := len(a.out) - 1; i >= 0; i-- {
		o := a.out[i]
		if o.st.Block == s.block && o.from >= s.sp.start && o.from < s.sp.end {
			return o.ent
		}
	}
	return -1
}

// speakers groups statements by entity, speakers in order of first
// statement, statements in reading order.
func (a *article) speakers() []Speaker {
	sort.SliceStable(a.out, func(i, j int) bool {
		if a.out[i].st.Block != a.out[j].st.Block {
			return a.out[i].st.Block < a.out[j].st.Block
		}
		return a.out[i].from < a.out[j].from
	})
	idx := map[int]int{}
	var sp []Speaker
	for _, o := range a.out {
		k, ok := idx[o.ent]
		if !ok {
			e := a.reg.ents[o.ent]
			kind := e.kind
			if kind == "" {
				kind = Organization
			}
			sp = append(sp, Speaker{Name: e.name, Role: e.role, Kind: kind})
			k = len(sp) - 1
			idx[o.ent] = k
		}
		sp[k].Statements = append(sp[k].Statements, o.st)
	}
	for e, k := range idx {
		if loneWordOrg(a.reg.ents[e]) && speaksAsI(sp[k].Statements) {
			sp[k].Kind = Person // "“I will not stay,” Keeble said": a person
		}
	}
	return sp
}

// loneWordOrg reports an entity typed as an organisation only because its
// name is one word with no organisation word in it and nothing marked it as
// a person: "Keeble said" with no other mention of Keeble.
func loneWordOrg(e *entity) bool {
	return e.kind == Organization && !e.personCue && len(e.words) == 1 && !anyOrgCueText(e.words) && !isAcronym(e.name) && !isPlace(e.name)
}

// speaksAsI reports a direct statement in the first person singular:
// organisations say "we", only a person says "I".
func speaksAsI(sts []Statement) bool {
	for _, st := range sts {
		if !st.Direct {
			continue
		}
		for _, w := range strings.FieldsFunc(st.Text, func(r rune) bool {
			return !unicode.IsLetter(r) && r != '’' && r != '\''
		}) {
			lw := strings.ToLower(w)
			if lex().firstPerson[lw] || w == "I" || strings.HasPrefix(lw, "j’") || strings.HasPrefix(lw, "j'") {
				return true
			}
		}
	}
	return false
}
