// Package yamlcheck parses YAML that briefbot did not write (a settings
// file, an article's front matter) into a node tree within bounds: a size
// limit, a limit on the nodes, and no key repeated within one mapping.
// The YAML library reports every repeated key against every earlier one,
// which for a few thousand repeats is gigabytes of error text and minutes
// of work; rejecting them first, in one pass, keeps a hostile file cheap.
package yamlcheck

import (
	"bytes"
	"errors"
	"fmt"
	"io"

	"go.yaml.in/yaml/v3"
)

// Error is a document refused before decoding; Line is 1-based (0: none).
type Error struct {
	Line int
	Msg  string
}

func (e *Error) Error() string {
	if e.Line > 0 {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return e.Msg
}

// ErrEmpty is a document with nothing in it.
var ErrEmpty = errors.New("empty YAML document")

// Parse parses the first document of raw, which must hold at most
// maxBytes bytes, into its root node. A key repeated in one mapping, or
// more than maxNodes nodes, is an *Error naming the line; a syntax error
// is the library's, with its line.
func Parse(raw []byte, maxBytes, maxNodes int) (*yaml.Node, error) {
	if len(raw) > maxBytes {
		return nil, &Error{Msg: fmt.Sprintf("%d bytes, more than the %d allowed", len(raw), maxBytes)}
	}
	var doc yaml.Node
	if err := yaml.NewDecoder(bytes.NewReader(raw)).Decode(&doc); err != nil {
		if errors.Is(err, io.EOF) {
			return nil, ErrEmpty
		}
		return nil, err
	}
	if len(doc.Content) == 0 {
		return nil, ErrEmpty
	}
	nodes := 0
	if err := check(doc.Content[0], &nodes, maxNodes); err != nil {
		return nil, err
	}
	return doc.Content[0], nil
}

// check walks n: every mapping's keys once, into a set. Aliases are not
// followed: a node is counted where it is written.
func check(n *yaml.Node, nodes *int, maxNodes int) error {
	if n.Kind == yaml.MappingNode {
		seen := make(map[string]int, len(n.Content)/2)
		for i := 0; i+1 < len(n.Content); i += 2 {
			key := n.Content[i]
			if key.Kind == yaml.ScalarNode {
				if first, dup := seen[key.Value]; dup {
					return &Error{Line: key.Line, Msg: fmt.Sprintf("key %q repeated (first on line %d): keep one", key.Value, first)}
				}
				seen[key.Value] = key.Line
			}
		}
	}
	if *nodes += 1 + len(n.Content); *nodes > maxNodes {
		return &Error{Line: n.Line, Msg: fmt.Sprintf("more than %d values", maxNodes)}
	}
	for _, c := range n.Content {
		if err := check(c, nodes, maxNodes); err != nil {
			return err
		}
	}
	return nil
}
