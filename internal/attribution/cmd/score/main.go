// Command score runs attribution over an article set (the dev set by
// default, or the held-out set with -dir) and the shared seed fixtures when
// present, and prints statement precision and recall, role accuracy and
// every miss, false positive and role error.
//
//	go run ./internal/attribution/cmd/score [-v] [-dir internal/attribution/testdata/heldout]
package main

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"sort"
	"strings"

	"github.com/saywho/saywho/internal/attribution"
	"github.com/saywho/saywho/internal/attribution/score"
	"github.com/saywho/saywho/internal/clean"
)

func main() {
	dev := flag.String("dir", "internal/attribution/testdata/devset", "article set directory (NAME.txt and NAME.gold.json)")
	flag.StringVar(dev, "devset", *dev, "same as -dir")
	shared := flag.String("shared", "../shared", "shared data directory")
	verbose := flag.Bool("v", false, "list misses, false positives and role errors")
	show := flag.String("show", "", "print the speakers found in articles whose name contains this")
	useClean := flag.Bool("clean", false, "take the seed pages' blocks from clean.Clean instead of their <article> paragraphs")
	flag.Parse()
	showFor = *show
	if err := run(*dev, *shared, *verbose, *useClean); err != nil {
		fmt.Fprintln(os.Stderr, err)
		os.Exit(1)
	}
}

// showFor selects the articles whose predictions are printed (-show).
var showFor string

func run(dev, shared string, verbose, useClean bool) error {
	golds, err := filepath.Glob(filepath.Join(dev, "*.gold.json"))
	if err != nil || len(golds) == 0 {
		return fmt.Errorf("score: no gold files in %s", dev)
	}
	sort.Strings(golds)
	var total score.Result
	for _, g := range golds {
		gold, err := score.Load(g)
		if err != nil {
			return err
		}
		blocks, err := score.ReadText(strings.TrimSuffix(g, ".gold.json") + ".txt")
		if err != nil {
			return err
		}
		got := attribution.Attribute(blocks, attribution.Options{})
		if showFor != "" && strings.Contains(gold.Page, showFor) {
			printSpeakers(got)
		}
		r := score.Score(gold, got)
		fmt.Printf("%-28s R %.2f  P %.2f  roles %d/%d\n", filepath.Base(gold.Page), r.Recall(), r.Precision(), r.RolesRight, r.Roles)
		total.Add(r)
	}
	report(filepath.Base(filepath.Clean(dev)), total, verbose)
	seeds, _ := filepath.Glob(filepath.Join(shared, "fixtures", "seed-*.gold.json"))
	if len(seeds) == 0 {
		fmt.Printf("seeds: skipped, %s/fixtures not found\n", shared)
		return nil
	}
	var st score.Result
	for _, g := range seeds {
		gold, err := score.Load(g)
		if err != nil {
			return err
		}
		blocks, via, err := seedBlocks(strings.TrimSuffix(g, ".gold.json")+".html", useClean)
		if err != nil {
			return err
		}
		got := attribution.Attribute(blocks, attribution.Options{})
		if showFor != "" && strings.Contains(gold.Page, showFor) {
			printSpeakers(got)
		}
		r := score.Score(gold, got)
		fmt.Printf("%-28s R %.2f  P %.2f  roles %d/%d  not-statements %d  (blocks via %s)\n", gold.Page, r.Recall(), r.Precision(), r.RolesRight, r.Roles, r.NotStatementHits, via)
		st.Add(r)
	}
	report("seeds", st, verbose)
	return nil
}

func report(name string, r score.Result, verbose bool) {
	fmt.Printf("== %s: statements %d, recall %.3f, precision %.3f (%d/%d), wrong speaker %d, not-statements %d, roles %.3f (%d/%d)\n",
		name, r.Gold, r.Recall(), r.Precision(), r.Correct, r.Predicted, r.WrongSpeaker, r.NotStatementHits, r.RoleAccuracy(), r.RolesRight, r.Roles)
	if !verbose {
		return
	}
	for _, m := range r.Misses {
		fmt.Println("  miss  ", m)
	}
	for _, m := range r.FalsePos {
		fmt.Println("  false ", m)
	}
	for _, m := range r.RoleErrors {
		fmt.Println("  role  ", m)
	}
}

// seedBlocks reads a seed page's article blocks, from clean.Clean when
// asked (falling back to the <article> paragraphs when it finds nothing).
func seedBlocks(path string, useClean bool) ([]attribution.Block, string, error) {
	if useClean {
		page, err := os.ReadFile(path)
		if err != nil {
			return nil, "", fmt.Errorf("score: read page: %w", err)
		}
		if art, err := clean.Clean(page, clean.Options{}); err == nil && art != nil && art.Found && len(art.Blocks) > 0 {
			var out []attribution.Block
			for _, b := range art.Blocks {
				h := len(b.Tag) == 2 && b.Tag[0] == 'h'
				out = append(out, attribution.Block{Text: b.Text, Heading: h})
			}
			return out, "clean", nil
		}
	}
	blocks, err := score.ReadHTML(path)
	return blocks, "article-p", err
}

// printSpeakers lists what attribution found on a page (-show).
func printSpeakers(got []attribution.Speaker) {
	for _, sp := range got {
		fmt.Printf("  %s [%s] (%s)\n", sp.Name, sp.Role, sp.Kind)
		for _, st := range sp.Statements {
			fmt.Printf("      %s %q %q\n", map[bool]string{true: "D", false: "I"}[st.Direct], st.Cue, st.Text)
		}
	}
}
