//go:build js && wasm

// Command nolimit is the engine's WASM bridge for the benchmark's size and
// memory rows: the same globalThis.saywho.process(page, {url}) → {json} |
// {error} as wasm/main.go, but without the engine's time limit, so that a
// 10 MB page is measured to the end instead of stopping at the limit.
// The corpus rows use the product build (wasm/).
package main

import (
	"fmt"
	"syscall/js"

	"github.com/saywho/saywho/internal/engine"
)

func main() {
	api := js.Global().Get("Object").New()
	api.Set("process", js.FuncOf(process))
	api.Set("version", "bench-nolimit")
	js.Global().Set("saywho", api)
	select {}
}

func process(_ js.Value, args []js.Value) (ret any) {
	defer func() {
		if r := recover(); r != nil {
			ret = map[string]any{"error": fmt.Sprint("bridge: internal error: ", r)}
		}
	}()
	page := make([]byte, args[0].Get("length").Int())
	js.CopyBytesToGo(page, args[0])
	opts := engine.Options{Timeout: -1}
	if len(args) > 1 && args[1].Type() == js.TypeObject {
		if u := args[1].Get("url"); u.Type() == js.TypeString {
			opts.URL = u.String()
		}
	}
	defer engine.TuneRuntime(len(page))() // as wasm/main.go does
	res, err := engine.Process(page, opts)
	if err != nil {
		return map[string]any{"error": err.Error()}
	}
	return map[string]any{"json": string(res.JSON())}
}
