package termsafe

import (
	"reflect"
	"strings"
	"sync"
)

// Fields calls fn with every string of the value ptr points to (its
// exported fields, nested structs, slices and pointers; map keys and
// values are passed over) and the JSON name of the field holding it
// ("name", "label"), and sets the string to what fn returns. It returns
// how many strings fn changed.
func Fields(ptr any, fn func(field, s string) string) int {
	return walk(reflect.ValueOf(ptr), "", fn)
}

func walk(v reflect.Value, field string, fn func(field, s string) string) int {
	switch v.Kind() {
	case reflect.String:
		if !v.CanSet() {
			return 0
		}
		s := v.String()
		if t := fn(field, s); t != s {
			v.SetString(t)
			return 1
		}
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			return walk(v.Elem(), field, fn)
		}
	case reflect.Slice, reflect.Array:
		if !holdsStrings(v.Type().Elem()) {
			return 0
		}
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += walk(v.Index(i), field, fn)
		}
		return n
	case reflect.Struct:
		n := 0
		for _, f := range fieldsOf(v.Type()) {
			n += walk(v.Field(f.index), f.name, fn)
		}
		return n
	}
	return 0
}

// structField is an exported field of a struct that may hold a string,
// with the name Fields passes for it.
type structField struct {
	index int
	name  string
}

// typeInfo is what walk needs of a type, worked out once for each type
// (an import walks the same profile type for each of thousands of
// records: reading the fields' tags each time was most of its cost).
type typeInfo struct {
	strings bool          // a string may be reached from a value of it
	fields  []structField // of a struct: its fields that may hold one
}

var typeInfos sync.Map // reflect.Type -> *typeInfo

func infoOf(t reflect.Type) *typeInfo {
	if ti, ok := typeInfos.Load(t); ok {
		return ti.(*typeInfo)
	}
	ti := &typeInfo{strings: reaches(t, map[reflect.Type]bool{})}
	if t.Kind() == reflect.Struct {
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || !reaches(f.Type, map[reflect.Type]bool{}) {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = strings.ToLower(f.Name)
			}
			ti.fields = append(ti.fields, structField{i, name})
		}
	}
	typeInfos.Store(t, ti)
	return ti
}

func holdsStrings(t reflect.Type) bool { return infoOf(t).strings }

func fieldsOf(t reflect.Type) []structField { return infoOf(t).fields }

// reaches reports whether walk may meet a string in a value of type t;
// a type met again on the way (a recursive type) is taken as holding one.
func reaches(t reflect.Type, seen map[reflect.Type]bool) bool {
	if seen[t] {
		return true
	}
	seen[t] = true
	switch t.Kind() {
	case reflect.String, reflect.Interface:
		return true
	case reflect.Pointer, reflect.Slice, reflect.Array:
		return reaches(t.Elem(), seen)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			if f := t.Field(i); f.IsExported() && reaches(f.Type, seen) {
				return true
			}
		}
	}
	return false
}
