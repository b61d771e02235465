// Command pack turns the unpacked extension into one zip per browser.
//
//	go run ./scripts/pack -src dist/unpacked -out dist
//
// The unpacked folder carries one manifest that both browsers load: Chrome
// reads background.service_worker, Firefox reads background.scripts and
// browser_specific_settings. Each store, though, warns about the keys meant
// for the other, so each zip gets a manifest with only its own keys. Files
// are stored in a fixed order with a fixed time, so the same tree always
// gives the same zip.
package main

import (
	"archive/zip"
	"encoding/json"
	"flag"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"sort"
	"time"
)

func main() {
	src := flag.String("src", "dist/unpacked", "unpacked extension folder")
	out := flag.String("out", "dist", "folder for the zips")
	flag.Parse()
	if err := run(*src, *out); err != nil {
		fmt.Fprintln(os.Stderr, "pack:", err)
		os.Exit(1)
	}
}

func run(src, out string) error {
	raw, err := os.ReadFile(filepath.Join(src, "manifest.json"))
	if err != nil {
		return err
	}
	for _, browser := range []string{"chrome", "firefox"} {
		var m map[string]any
		if err := json.Unmarshal(raw, &m); err != nil {
			return fmt.Errorf("manifest.json: %w", err)
		}
		tailor(m, browser)
		manifest, err := json.MarshalIndent(m, "", "  ")
		if err != nil {
			return err
		}
		name := filepath.Join(out, "saywho-"+browser+".zip")
		if err := writeZip(name, src, manifest); err != nil {
			return fmt.Errorf("%s: %w", name, err)
		}
		fmt.Println("packed", name)
	}
	return nil
}

// tailor drops the manifest keys that only the other browser reads.
func tailor(m map[string]any, browser string) {
	bg, _ := m["background"].(map[string]any)
	switch browser {
	case "chrome":
		delete(m, "browser_specific_settings")
		if bg != nil {
			delete(bg, "scripts")
		}
	case "firefox":
		if bg != nil {
			delete(bg, "service_worker")
		}
	}
}

func writeZip(name, src string, manifest []byte) error {
	var files []string
	err := filepath.WalkDir(src, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, err := filepath.Rel(src, path)
			if err != nil {
				return err
			}
			files = append(files, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		return err
	}
	sort.Strings(files)
	f, err := os.Create(name)
	if err != nil {
		return err
	}
	zw := zip.NewWriter(f)
	stamp := time.Date(2026, 1, 1, 0, 0, 0, 0, time.UTC)
	for _, rel := range files {
		data := manifest
		if rel != "manifest.json" {
			if data, err = os.ReadFile(filepath.Join(src, filepath.FromSlash(rel))); err != nil {
				break
			}
		}
		var w interface{ Write([]byte) (int, error) }
		if w, err = zw.CreateHeader(&zip.FileHeader{Name: rel, Method: zip.Deflate, Modified: stamp}); err != nil {
			break
		}
		if _, err = w.Write(data); err != nil {
			break
		}
	}
	if cerr := zw.Close(); err == nil {
		err = cerr
	}
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	return err
}
