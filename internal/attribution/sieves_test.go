package attribution

import (
	"fmt"
	"reflect"
	"strings"
	"testing"
)

// flat renders Attribute's output as "Speaker|text|direct" lines.
func flat(sp []Speaker) []string {
	var out []string
	for _, s := range sp {
		for _, st := range s.Statements {
			out = append(out, fmt.Sprintf("%s|%s|%v", s.Name, st.Text, st.Direct))
		}
	}
	return out
}

func blocksOf(paras ...string) []Block {
	var bs []Block
	for _, p := range paras {
		if h, ok := strings.CutPrefix(p, "# "); ok {
			bs = append(bs, Block{Text: h, Heading: true})
			continue
		}
		bs = append(bs, Block{Text: p})
	}
	return bs
}

// TestSieves runs each attribution sieve on the smallest text that needs it.
func TestSieves(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []string
	}{
		{"title abbreviation with full stop", []string{`Arizona Gov. Ray Estrada, a Democrat, called the plan "unhelpful" and said his state had given enough.`},
			[]string{"Ray Estrada|his state had given enough|false"}},
		{"nickname inside a name", []string{`Marcus "The Hammer" Delacroix spoke to reporters.`, `"I'm fine," he said.`},
			[]string{`Marcus "The Hammer" Delacroix|I'm fine|true`}},
		{"no speaker after told", []string{`The bill's sponsor, a veteran of the House, told MPs that the law was cruel.`},
			nil},
		{"that-verb with a noun-phrase clause", []string{`Dean Hollis claimed the party was the real opposition.`, `Iran denied the claims that were made.`},
			[]string{"Dean Hollis|the party was the real opposition|false"}},
		{"coordinated verb takes the subject of its own clause", []string{`Harlow Foods is a grocer.`, `Shares in Harlow Foods fell 8% after Harlow Foods cut its forecast and warned that costs would rise.`},
			[]string{"Harlow Foods|costs would rise|false"}},
		{"coordinated verb after a clause with an unnamed subject", []string{`Shares in Harlow Foods fell 8% after the supermarket group cut its forecast and warned that costs would rise.`},
			nil},
		{"coordinated verb of the sentence subject", []string{`Jury president Oliver Brandt called the film great and said the decision had been unanimous.`},
			[]string{"Oliver Brandt|the decision had been unanimous|false"}},
		{"market nouns are no speakers", []string{`Prices rose sharply and warned that nothing.`, `Shares said the market was calm.`}, nil},
		{"that as a determiner", []string{`The regulator maintains that high standard across the sector.`, `Anna Berg maintains that standards have slipped.`},
			[]string{"Anna Berg|standards have slipped|false"}},
		{"hyphenated owner before a name", []string{`Amazon-owned Whole Foods said it would close stores.`, `London-based analyst Tom Keeble said shares would recover.`},
			[]string{"Whole Foods|it would close stores|false", "Tom Keeble|shares would recover|false"}},
		{"relative clause with a thousands separator", []string{`"We are ready," Dale Whitcomb, who grows cotton on 1,200 acres near Casa Grande, said in an interview Tuesday.`},
			[]string{"Dale Whitcomb|We are ready|true"}},
		{"age then relative clause", []string{`Ken Barraclough, 78, who worked at the colliery, said he still remembered the van.`, `"It was over," Anna Berg, 45, who runs the shop, said.`},
			[]string{"Ken Barraclough|he still remembered the van|false", "Anna Berg|It was over|true"}},
		{"kin noun and a first name", []string{`She died peacefully at home, surrounded by her family, her son David said.`},
			[]string{"David|She died peacefully at home, surrounded by her family|false"}},
		{"organisation noun then its name", []string{`The club, Vaults, said in a statement it was "cooperating fully" with police.`},
			[]string{`Vaults|it was "cooperating fully" with police|false`}},
		{"description of a named service", []string{`The National Weather Service issued warnings.`, `The weather service warned that more storms were possible.`},
			[]string{"National Weather Service|more storms were possible|false"}},
		{"quote then said name", []string{`“We are ready,” said Anna Berg.`},
			[]string{"Anna Berg|We are ready|true"}},
		{"quote then name said", []string{`“We are ready,” Anna Berg said.`},
			[]string{"Anna Berg|We are ready|true"}},
		{"colon intro", []string{`Anna Berg said: “We are ready.”`},
			[]string{"Anna Berg|We are ready.|true"}},
		{"split quote is one statement", []string{`"We are ready," Anna Berg said, "but not at any price."`},
			[]string{"Anna Berg|We are ready, but not at any price.|true"}},
		{"question quote", []string{`“Where are we supposed to go?” asked Tom Reed.`},
			[]string{"Tom Reed|Where are we supposed to go?|true"}},
		{"reported with that", []string{`Anna Berg said that the plan was dead.`},
			[]string{"Anna Berg|the plan was dead|false"}},
		{"reported without that", []string{`Anna Berg said the plan was dead.`},
			[]string{"Anna Berg|the plan was dead|false"}},
		{"reported clause first", []string{`The plan is dead, the Kremlin said on Monday.`},
			[]string{"Kremlin|The plan is dead|false"}},
		{"told audience", []string{`Anna Berg told reporters on Tuesday that the plan was dead.`},
			[]string{"Anna Berg|the plan was dead|false"}},
		{"according to before", []string{`According to Anna Berg, the plan is dead.`},
			[]string{"Anna Berg|the plan is dead|false"}},
		{"organisation name with and", []string{`The Department of Health and Social Care said it was working with the NHS.`},
			[]string{"Department of Health and Social Care|it was working with the NHS|false"}},
		{"organisation name with a list", []string{`The Department for Environment, Food and Rural Affairs said it would consider the findings.`},
			[]string{"Department for Environment, Food and Rural Affairs|it would consider the findings|false"}},
		{"person of an affiliation", []string{`Chief Inspector Morag Dunn of Police Scotland said the alarm was raised late.`},
			[]string{"Morag Dunn|the alarm was raised late|false"}},
		{"German dative audience after the name", []string{`Die Entscheidungen seien korrekt gewesen, sagte Tim Kaufmann der Deutschen Presse-Agentur.`},
			[]string{"Tim Kaufmann|Die Entscheidungen seien korrekt gewesen|false"}},
		{"organisation type noun before a name", []string{`Budget airline SkyDart said passengers had been checked in manually.`},
			[]string{"SkyDart|passengers had been checked in manually|false"}},
		{"that-verb before a subject pronoun", []string{`Tomas Llewellyn admitted he had a few nerves.`},
			[]string{"Tomas Llewellyn|he had a few nerves|false"}},
		{"that-verb before a noun phrase is no statement", []string{`Tomas Llewellyn admitted the mistake.`}, nil},
		{"participle continues the subject", []string{`Alan Prentice was critical of the officials, saying two decisions had changed the game.`},
			[]string{"Alan Prentice|two decisions had changed the game|false"}},
		{"clause without a subject", []string{`Uptake fell below the 95% the World Health Organization says is needed.`}, nil},
		{"capitalised -ist word is a surname", []string{`„Das war gut“, sagte Trainer Mats Lindqvist.`},
			[]string{"Mats Lindqvist|Das war gut|true"}},
		{"French verb with role apposition", []string{`« Il savait », a lancé la procureure, Sophie Marchetti, devant le tribunal.`},
			[]string{"Sophie Marchetti|Il savait|true"}},
		{"German adjunct after the name", []string{`„Wir haben gut gespielt“, sagte Trainer Henrik Albrecht nach der Partie.`},
			[]string{"Henrik Albrecht|Wir haben gut gespielt|true"}},
		{"according to after", []string{`The plan is dead, according to Anna Berg.`},
			[]string{"Anna Berg|The plan is dead|false"}},
		{"according to an organisation phrase", []string{`One lane will stay open, according to the city’s transportation department.`},
			[]string{"City’s transportation department|One lane will stay open|false"}},
		{"according to a document is no speaker", []string{`According to US findings, the plan is dead.`}, nil},
		{"in a statement", []string{`In a statement, the Foreign Ministry said the talks had failed.`},
			[]string{"Foreign Ministry|the talks had failed|false"}},
		{"that-verb needs a clause", []string{`Iran denied Sullivan’s statement.`}, nil},
		{"that-verb with that", []string{`Iran denied that it had sent drones.`},
			[]string{"Iran|it had sent drones|false"}},
		{"passive is not a source", []string{`Iran is said to be preparing drones.`}, nil},
		{"participle continues speaker", []string{`The plan is dead, Anna Berg said, adding that talks would resume in May.`},
			[]string{"Anna Berg|The plan is dead|false", "Anna Berg|talks would resume in May|false"}},
		{"scare quotes", []string{`The so-called ‘deal’ was signed by the two ministers in Geneva.`}, nil},
		{"titles", []string{`Her memoir, “Move Fast”, sold well and the film “Night Ferry” did not.`}, nil},
		{"headings never speak", []string{`# “We will win,” says Berg`}, nil},
		{"quote without speaker is left out", []string{`“Nobody knows,” the sign on the door read in large letters.`}, nil},
		{"german inverted", []string{`„Das ist ein Schritt in die richtige Richtung“, sagte Marion Kleist.`},
			[]string{"Marion Kleist|Das ist ein Schritt in die richtige Richtung|true"}},
		{"german so", []string{`„Das reicht nicht“, so Verbandschefin Marion Kleist.`},
			[]string{"Marion Kleist|Das reicht nicht|true"}},
		{"german laut", []string{`Laut Polizei wurde niemand verletzt.`},
			[]string{"Polizei|wurde niemand verletzt|false"}},
		{"french inversion", []string{`La ministre Claire Vasseur était à Lyon.`, `« Je comprends les inquiétudes », a-t-elle ajouté.`},
			[]string{"Claire Vasseur|Je comprends les inquiétudes|true"}},
		{"french selon", []string{`Selon Fabien Morel, les négociations ont échoué.`},
			[]string{"Fabien Morel|les négociations ont échoué|false"}},
		{"unnamed spokesperson goes to the organisation", []string{`A Kremlin spokesman said the talks had been useful.`},
			[]string{"Kremlin|the talks had been useful|false"}},
		{"org acronym in brackets", []string{`The Associated Society of Locomotive Engineers and Firemen (Aslef) said the vote was clear.`},
			[]string{"Aslef|the vote was clear|false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flat(Attribute(blocksOf(tt.paras...), Options{}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

// TestResolution checks the mention → speaker sieves across sentences.
func TestResolution(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  []string
	}{
		{"surname", []string{`Jake Sullivan spoke in Washington.`, `Sullivan said the drones were ready.`},
			[]string{"Jake Sullivan|the drones were ready|false"}},
		{"honorific surname", []string{`Jake Sullivan spoke in Washington.`, `Mr Sullivan said the drones were ready.`},
			[]string{"Jake Sullivan|the drones were ready|false"}},
		{"pronoun takes the main subject", []string{`Mr Sullivan’s claim comes as Kremlin spokesman Dmitry Peskov told reporters that Putin would travel.`, `He said: “Iran is preparing to train Russian forces.”`},
			[]string{"Dmitry Peskov|Putin would travel|false", "Sullivan|Iran is preparing to train Russian forces.|true"}},
		{"pronoun respects gender", []string{`“It is over,” said Ms Anna Berg, standing beside Tom Reed.`, `She added that talks would resume.`},
			[]string{"Anna Berg|It is over|true", "Anna Berg|talks would resume|false"}},
		{"description by role", []string{`“We are ready,” said Jake Sullivan, the White House national security adviser.`, `The national security adviser also said it was not clear whether drones had been sent.`},
			[]string{"Jake Sullivan|We are ready|true", "Jake Sullivan|it was not clear whether drones had been sent|false"}},
		{"same surname kept apart", []string{`Mark Keller admitted fraud.`, `“We had no idea,” said his sister, Anna Keller.`, `Anna Keller said the family was devastated.`},
			[]string{"Anna Keller|We had no idea|true", "Anna Keller|the family was devastated|false"}},
		{"quote-only sentence takes the paragraph's speaker", []string{`“It is over,” said Anna Berg. “We tried everything.”`},
			[]string{"Anna Berg|It is over|true", "Anna Berg|We tried everything.|true"}},
		{"quote-only paragraph continues", []string{`Fire chief Andrew Kowalski said crews were exhausted.`, `“Do not go down to the seafront.”`},
			[]string{"Andrew Kowalski|crews were exhausted|false", "Andrew Kowalski|Do not go down to the seafront.|true"}},
		{"quote-only paragraph after a heading is left out", []string{`Fire chief Andrew Kowalski said crews were exhausted.`, `# Floods`, `“Do not go down to the seafront.”`},
			[]string{"Andrew Kowalski|crews were exhausted|false"}},
		{"multi-paragraph quote", []string{`Anna Berg said: “The first part of the answer is long.`, `“And the second part ends here.”`},
			[]string{"Anna Berg|The first part of the answer is long. And the second part ends here.|true"}},
		{"unknown pronoun is left out", []string{`“We are ready,” he said.`}, nil},
		{"org description", []string{`Snapjoy denied any wrongdoing.`, `In a statement, the company said it would appeal.`},
			[]string{"Snapjoy|it would appeal|false"}},
		{"age description", []string{`Castleford’s striker, Jamal Okafor, was calm.`, `‘It’s only three points,’ the 24-year-old said.`},
			[]string{"Jamal Okafor|It’s only three points|true"}},
		{"org description needs a named organisation", []string{`Shares fell 4%, the company said.`}, nil},
		{"org description in the same sentence", []string{`An outage at cloud provider Stratus Networks hit banks, the company said.`},
			[]string{"Stratus Networks|An outage at cloud provider Stratus Networks hit banks|false"}},
		{"unnamed spokesperson speaks for the organisation in focus", []string{`Water UK, which represents water companies, said tap water was safe. A spokesperson said: "We support more research."`},
			[]string{"Water UK|tap water was safe|false", "Water UK|We support more research.|true"}},
		{"the spokesperson", []string{`A spokesperson for the WHO said cases were rising. "Every case counts," the spokesperson said.`},
			[]string{"WHO|cases were rising|false", "WHO|Every case counts|true"}},
		{"position description falls back to the person just named", []string{`Harry Bellamy said the team had switched off. "We can't keep doing that," the England lock told TNT Sports.`},
			[]string{"Harry Bellamy|the team had switched off|false", "Harry Bellamy|We can't keep doing that|true"}},
		{"German nationality description", []string{`Sein Trainer Mats Lindqvist lobte die Abwehr. „Das war gut“, sagte der Schwede.`},
			[]string{"Mats Lindqvist|Das war gut|true"}},
		{"German compound spokesperson", []string{`Das Bundesgesundheitsministerium verwies auf das Gesetz. Dieses zeige Wirkung, erklärte ein Ministeriumssprecher.`},
			[]string{"Bundesgesundheitsministerium|Dieses zeige Wirkung|false"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := flat(Attribute(blocksOf(tt.paras...), Options{}))
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got  %q\nwant %q", got, tt.want)
			}
		})
	}
}

func TestStatementPosition(t *testing.T) {
	bs := blocksOf(`Intro text here.`, `It rained. “We are ready,” said Anna Berg. Then she left.`)
	sp := Attribute(bs, Options{})
	if len(sp) != 1 || len(sp[0].Statements) != 1 {
		t.Fatalf("got %+v", sp)
	}
	st := sp[0].Statements[0]
	if st.Block != 1 || st.Sentence != `“We are ready,” said Anna Berg.` || st.Cue != "said" {
		t.Errorf("got block %d sentence %q cue %q", st.Block, st.Sentence, st.Cue)
	}
}

// TestSpeakerKinds checks the person/organisation typing rules.
func TestSpeakerKinds(t *testing.T) {
	tests := []struct {
		name  string
		paras []string
		want  map[string]SpeakerKind
	}{
		{"owner modifier makes an organisation", []string{`Amazon-owned Whole Foods said it would close stores.`, `State-run Rosneft said output would rise.`},
			map[string]SpeakerKind{"Whole Foods": Organization, "Rosneft": Organization}},
		{"lone surname speaking as I is a person", []string{`"We are done," Keeble said. "I will not stay."`},
			map[string]SpeakerKind{"Keeble": Person}},
		{"lone name speaking as we stays an organisation", []string{`"We are done," Tesco said.`},
			map[string]SpeakerKind{"Tesco": Organization}},
		{"first person in French", []string{`« J’ai dit non », a déclaré Morel.`},
			map[string]SpeakerKind{"Morel": Person}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got := map[string]SpeakerKind{}
			for _, sp := range Attribute(blocksOf(tt.paras...), Options{}) {
				got[sp.Name] = sp.Kind
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got %v, want %v", got, tt.want)
			}
		})
	}
}
