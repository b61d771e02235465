package attribution

import "strings"

// entity is one source, merged over all its mentions.
type entity struct {
	name      string
	words     []string // lower-case name words
	key       string   // words joined by spaces
	role      string
	kind      SpeakerKind
	gender    byte
	personCue bool
	lastSeen  int // serial of the last sentence that mentioned it
}

// sentMentions records who a sentence mentions, in order, for resolving
// "he", "she" and "it" in the sentences that follow.
type sentMentions struct {
	block int
	ents  []int
	main  int // the speaker of the sentence's main-clause cue, or -1
}

// registry holds the article's entities and the mention history.
type registry struct {
	ents    []*entity
	history []sentMentions
	current []int // entities named so far in the sentence being read
}

func nameWords(name string) []string {
	f := strings.Fields(strings.ToLower(name))
	out := f[:0]
	for _, w := range f {
		w = strings.TrimSuffix(strings.TrimSuffix(w, "’s"), "'s")
		if w != "" {
			out = append(out, w)
		}
	}
	return out
}

func containsAll(big, small []string) bool {
	for _, w := range small {
		found := false
		for _, b := range big {
			if b == w {
				found = true
				break
			}
		}
		if !found {
			return false
		}
	}
	return true
}

// resolveNamed finds or creates the entity a named mention refers to.
// Two people who share a surname stay apart when their first names differ;
// a bare surname goes to the most recently mentioned person bearing it.
func (r *registry) resolveNamed(m mention, serial int) int {
	words := nameWords(m.name)
	if len(words) == 0 {
		return -1
	}
	best := -1
	pick := func(i int) {
		if best < 0 || r.ents[i].lastSeen >= r.ents[best].lastSeen {
			best = i
		}
	}
	last := words[len(words)-1]
	if m.kind == Person || len(words) == 1 {
		for i, e := range r.ents {
			if e.kind != Person || (m.gender != 0 && e.gender != 0 && m.gender != e.gender) {
				continue
			}
			el := e.words[len(e.words)-1]
			switch {
			case len(words) == 1:
				if el == last || (len(e.words) > 1 && containsAll(e.words, words)) {
					pick(i)
				}
			case el == last:
				if len(e.words) == 1 || e.words[0] == words[0] || containsAll(words, e.words) || containsAll(e.words, words) {
					pick(i)
				}
			}
		}
	}
	if best < 0 {
		key := strings.Join(words, " ")
		for i, e := range r.ents {
			if e.kind != Organization && !(m.kind == Organization && len(e.words) == 1 && !e.personCue) {
				continue
			}
			if e.key == key || containsAll(e.words, words) && (len(words) > 1 || m.kind != Person) || containsAll(words, e.words) && m.kind == Organization {
				pick(i)
			}
		}
	}
	if best < 0 {
		kind := m.kind
		if kind == "" {
			kind = Organization
		}
		r.ents = append(r.ents, &entity{name: m.name, words: words, key: strings.Join(words, " "), kind: kind, gender: m.gender, personCue: m.personCue})
		best = len(r.ents) - 1
	}
	e := r.ents[best]
	if len(words) == 1 && len(e.words) > 1 && e.words[0] == words[0] && !e.personCue && !m.personCue {
		// "Northline" for "Northline Rail": people are cut to their
		// surname, organisations to their first word
		e.kind = Organization
	}
	if len(words) > len(e.words) && (m.kind == e.kind || m.personCue) {
		e.name, e.words, e.key = m.name, words, strings.Join(words, " ")
	}
	if m.personCue && e.kind != Person {
		e.kind = Person
	}
	if m.kind == Person && len(words) > 1 && !e.personCue && e.kind != Person {
		e.kind = Person
	}
	e.personCue = e.personCue || m.personCue
	if e.role == "" && m.role != "" {
		e.role = m.role
	}
	if e.gender == 0 {
		e.gender = m.gender
	}
	e.lastSeen = serial
	return best
}

// resolveDescription finds the earlier person a description refers to:
// "the minister", "The White House national security adviser". The head
// noun must appear in that person's role, and most other words too.
func (r *registry) resolveDescription(m mention, block, serial int) int {
	if m.head == "person" || lex().generic[lastWord(m.head)] {
		// "the 24-year-old said": the person just mentioned
		g := m.gender
		if g == 0 {
			g = 'p'
		}
		return r.resolvePronoun(g, block, serial)
	}
	rw := nameWords(m.role)
	best := -1
	for i, e := range r.ents {
		if e.kind != Person || e.role == "" {
			continue
		}
		if m.gender != 0 && e.gender != 0 && m.gender != e.gender {
			continue
		}
		ew := nameWords(e.role)
		if !containsAll(ew, []string{m.head}) {
			continue
		}
		hit := 0
		for _, w := range rw {
			if containsAll(ew, []string{w}) {
				hit++
			}
		}
		if hit*2 < len(rw) {
			continue
		}
		if best < 0 || e.lastSeen >= r.ents[best].lastSeen {
			best = i
		}
	}
	if best >= 0 {
		r.ents[best].lastSeen = serial
		return best
	}
	if lex().descriptors[m.head] || lex().descriptors[lastWord(m.head)] {
		// "the England lock told TNT Sports": no one holds that role, so
		// the description points at the person just mentioned
		g := m.gender
		if g == 0 {
			g = 'p'
		}
		return r.resolvePronoun(g, block, serial)
	}
	if lex().spokes[m.head] && m.definite || lex().spokesOnly[m.head] && m.indefinite {
		// "the spokesperson said": the spokesperson of the organisation in focus
		return r.resolvePronoun('o', block, serial)
	}
	return -1
}

// resolveOrgDescription maps "the ministry" to the earlier "Foreign
// Ministry", or makes an organisation of it when none was named.
func (r *registry) resolveOrgDescription(m mention, block, serial int) int {
	best := -1
	for i, e := range r.ents {
		if e.kind == Organization && (containsAll(e.words, []string{m.head}) || len(m.head) >= 5 && strings.HasSuffix(e.words[len(e.words)-1], m.head)) {
			// "the ministry", "das Ministerium" for "Bundesgesundheitsministerium"
			if best < 0 || e.lastSeen >= r.ents[best].lastSeen {
				best = i
			}
		}
	}
	if best >= 0 {
		r.ents[best].lastSeen = serial
		return best
	}
	if m.definite && lex().orgNouns[m.head] {
		// "In a statement, the company said": the organisation in focus,
		// named earlier in this sentence or in the ones before
		for k := len(r.current) - 1; k >= 0; k-- {
			if e := r.ents[r.current[k]]; e.kind == Organization {
				e.lastSeen = serial
				return r.current[k]
			}
		}
		if id := r.resolvePronoun('o', block, serial); id >= 0 {
			return id
		}
	}
	if !lex().selfNaming[m.head] {
		return -1 // "the company said" with no company named: nobody to quote
	}
	m.name = capitalize(m.name)
	m.kind = Organization
	return r.resolveNamed(m, serial)
}

// resolvePronoun picks the person "he" or "she" refers to: in the nearest
// earlier sentence that mentions a fitting person, the speaker of its main
// clause, else the first person it mentions (the subject, in news prose).
// "it" goes to the nearest organisation that spoke.
func (r *registry) resolvePronoun(p byte, block, serial int) int {
	const lookback = 6
	n := 0
	for h := len(r.history) - 1; h >= 0 && n < lookback; h-- {
		sm := r.history[h]
		if block-sm.block > 2 {
			break
		}
		n++
		var cands []int
		for _, id := range sm.ents {
			e := r.ents[id]
			if p == 'o' {
				if e.kind == Organization {
					cands = append(cands, id)
				}
				continue
			}
			if e.kind != Person || (e.gender != 0 && p != 'p' && e.gender != p) {
				continue
			}
			if !e.personCue && len(e.words) < 2 {
				continue
			}
			cands = append(cands, id)
		}
		if len(cands) == 0 {
			continue
		}
		pickID := cands[0]
		for _, id := range cands {
			if id == sm.main {
				pickID = id
				break
			}
		}
		if p == 'o' && sm.main >= 0 && r.ents[sm.main].kind == Organization {
			pickID = sm.main
		}
		e := r.ents[pickID]
		if p != 'o' && p != 'p' && e.gender == 0 {
			e.gender = p
		}
		e.lastSeen = serial
		return pickID
	}
	return -1
}

func lastWord(s string) string {
	if i := strings.LastIndexAny(s, " -"); i >= 0 {
		return s[i+1:]
	}
	return s
}
