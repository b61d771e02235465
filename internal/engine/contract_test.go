package engine

import (
	"bytes"
	"encoding/json"
	"path/filepath"
	"testing"

	"github.com/saywho/saywho/internal/golden"
)

// TestContractShape pins the JSON field names and types of Result, the
// contract every caller depends on (docs/CONTRACT.md). Adding a field means
// updating testdata/contract.golden and the docs; renaming one breaks the
// extension and must not happen.
func TestContractShape(t *testing.T) {
	full := Result{
		Found: true, Reason: "r", Title: "t", Byline: "b", SiteName: "s",
		Published: "2026-03-14T09:30:00-05:00", Lang: "en", Image: "https://example.org/i.jpg",
		HTML: "<p data-sw-block=0>x", Text: "x",
		Removed: []Removed{{Kind: "share", Text: "Share post:"}},
		Speakers: []Speaker{{Name: "n", Role: "r", Kind: "person", Statements: []Statement{
			{Text: "x", Direct: true, Cue: "said", Block: 0, Sentence: "x"},
		}}},
	}
	got, err := json.MarshalIndent(shapeOf(t, full), "", "  ")
	if err != nil {
		t.Fatal(err)
	}
	got = append(got, '\n')
	golden.Check(t, filepath.Join("testdata", "contract.golden"), got, *update)
}

// shapeOf replaces every value in v's JSON with the name of its JSON type,
// keeping field order, so the golden file shows the shape and nothing else.
func shapeOf(t *testing.T, v any) any {
	t.Helper()
	raw, err := json.Marshal(v)
	if err != nil {
		t.Fatal(err)
	}
	dec := json.NewDecoder(bytes.NewReader(raw))
	dec.UseNumber()
	shape, err := readShape(dec)
	if err != nil {
		t.Fatal(err)
	}
	return shape
}

// orderedObject marshals its keys in the order they were read.
type orderedObject struct {
	keys []string
	vals map[string]any
}

func (o orderedObject) MarshalJSON() ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i, k := range o.keys {
		if i > 0 {
			b.WriteByte(',')
		}
		kb, _ := json.Marshal(k)
		vb, err := json.Marshal(o.vals[k])
		if err != nil {
			return nil, err
		}
		b.Write(kb)
		b.WriteByte(':')
		b.Write(vb)
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func readShape(dec *json.Decoder) (any, error) {
	tok, err := dec.Token()
	if err != nil {
		return nil, err
	}
	switch tok := tok.(type) {
	case json.Delim:
		switch tok {
		case '{':
			obj := orderedObject{vals: map[string]any{}}
			for dec.More() {
				kt, err := dec.Token()
				if err != nil {
					return nil, err
				}
				k := kt.(string)
				v, err := readShape(dec)
				if err != nil {
					return nil, err
				}
				obj.keys = append(obj.keys, k)
				obj.vals[k] = v
			}
			_, err := dec.Token()
			return obj, err
		case '[':
			var elems []any
			for dec.More() {
				v, err := readShape(dec)
				if err != nil {
					return nil, err
				}
				elems = append(elems, v)
			}
			_, err := dec.Token()
			if len(elems) > 0 {
				return []any{elems[0]}, err
			}
			return []any{}, err
		}
	case string:
		return "string", nil
	case json.Number:
		return "number", nil
	case bool:
		return "bool", nil
	case nil:
		return "null", nil
	}
	return nil, nil
}
