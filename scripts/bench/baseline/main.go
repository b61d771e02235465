//go:build js && wasm

// Command baseline is the size yardstick for the SayWho WASM: a program
// that uses only goquery and minify (parse a page, select, render, minify)
// behind one syscall/js function. scripts/bench.mjs builds it with the same
// flags as the engine and reports how much bigger saywho.wasm is.
package main

import (
	"strings"
	"syscall/js"

	"github.com/PuerkitoBio/goquery"
	"github.com/tdewolff/minify/v2"
	"github.com/tdewolff/minify/v2/html"
)

func main() {
	m := minify.New()
	m.AddFunc("text/html", html.Minify)
	js.Global().Set("baseline", js.FuncOf(func(_ js.Value, args []js.Value) any {
		doc, err := goquery.NewDocumentFromReader(strings.NewReader(args[0].String()))
		if err != nil {
			return err.Error()
		}
		doc.Find("script, style").Remove()
		out, err := doc.Find("body").Html()
		if err != nil {
			return err.Error()
		}
		s, err := m.String("text/html", out)
		if err != nil {
			return err.Error()
		}
		return s
	}))
	select {}
}
