package tui

import (
	"go/ast"
	"go/parser"
	"go/token"
	"path/filepath"
	"strings"
	"testing"
)

// TestKeysThroughKeyMap: no screen matches a key by its name or its code
// (msg.String() == "up", switch msg.String() { case "down": }, msg.Code ==
// tea.KeyUp): every key goes through the KeyMap with key.Matches, so that
// the help says what the keys do.
func TestKeysThroughKeyMap(t *testing.T) {
	files, _ := filepath.Glob("*.go")
	fset := token.NewFileSet()
	isString := func(e ast.Expr) bool {
		call, ok := e.(*ast.CallExpr)
		if !ok || len(call.Args) != 0 {
			return false
		}
		sel, ok := call.Fun.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "String"
	}
	isCode := func(e ast.Expr) bool {
		sel, ok := e.(*ast.SelectorExpr)
		return ok && sel.Sel.Name == "Code"
	}
	isLit := func(e ast.Expr) bool {
		lit, ok := e.(*ast.BasicLit)
		return ok && lit.Kind == token.STRING && lit.Value != `""`
	}
	for _, name := range files {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, 0)
		if err != nil {
			t.Fatal(err)
		}
		ast.Inspect(f, func(n ast.Node) bool {
			switch n := n.(type) {
			case *ast.BinaryExpr:
				if n.Op != token.EQL && n.Op != token.NEQ {
					break
				}
				if (isString(n.X) && isLit(n.Y)) || (isString(n.Y) && isLit(n.X)) || isCode(n.X) || isCode(n.Y) {
					t.Errorf("%s: a key is matched by its name or code, not through the KeyMap", fset.Position(n.Pos()))
				}
			case *ast.SwitchStmt:
				if n.Tag != nil && (isString(n.Tag) || isCode(n.Tag)) {
					t.Errorf("%s: a switch on a key's name or code, not the KeyMap", fset.Position(n.Pos()))
				}
			}
			return true
		})
	}
}

// TestGuardWithoutReflection: the panic guard uses Bubble Tea's public
// API only; it does not look into the program's unexported messages.
func TestGuardWithoutReflection(t *testing.T) {
	f, err := parser.ParseFile(token.NewFileSet(), "guard.go", nil, parser.ImportsOnly)
	if err != nil {
		t.Fatal(err)
	}
	for _, imp := range f.Imports {
		if imp.Path.Value == `"reflect"` || imp.Path.Value == `"unsafe"` {
			t.Errorf("guard.go imports %s", imp.Path.Value)
		}
	}
}
