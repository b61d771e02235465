package clean

import (
	"bytes"

	"golang.org/x/net/html"
)

type htmlNode = html.Node

func htmlParse(b []byte) (*html.Node, error) { return html.Parse(bytes.NewReader(b)) }
