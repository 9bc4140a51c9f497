package termsafe

import (
	"reflect"
	"strings"
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
		n := 0
		for i := 0; i < v.Len(); i++ {
			n += walk(v.Index(i), field, fn)
		}
		return n
	case reflect.Struct:
		n := 0
		t := v.Type()
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() {
				continue
			}
			name, _, _ := strings.Cut(f.Tag.Get("json"), ",")
			if name == "" || name == "-" {
				name = strings.ToLower(f.Name)
			}
			n += walk(v.Field(i), name, fn)
		}
		return n
	}
	return 0
}
