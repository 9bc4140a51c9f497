package interchange

import (
	"encoding"
	"encoding/json"
	"reflect"
	"strings"
	"sync"
	"time"

	"github.com/vipbook/vipbook/civil"
)

// jsonBound returns a number of bytes json.Marshal(v) does not exceed, or
// -1 when it cannot tell (a map, an interface, a type with its own
// marshaller it does not know). It reads the value's strings' lengths
// only: a profile's bound costs a small part of encoding it, so
// skipTooLong encodes only the records near the limit. Every string may
// take 6 bytes a byte escaped (\u00XX), every number its longest form,
// and every field its key and punctuation whether omitted or not.
func jsonBound(v any) int {
	rv := reflect.ValueOf(v)
	return boundOf(planOf(rv.Type()), rv)
}

// boundPlan is what jsonBound knows of a type, worked out once.
type boundPlan struct {
	kind   reflect.Kind
	fixed  int // a bound for any value of the type, when > 0
	elem   *boundPlan
	fields []boundField
	byteSl bool // a []byte: base64
	none   bool // cannot be bounded
}

type boundField struct {
	index int
	key   int // the bytes of "key": and a comma
	plan  *boundPlan
}

var boundPlans sync.Map // reflect.Type -> *boundPlan

var (
	jsonMarshaler = reflect.TypeFor[json.Marshaler]()
	textMarshaler = reflect.TypeFor[encoding.TextMarshaler]()
)

// knownMarshalers are types with their own marshaller whose output is
// bounded: time.Time's RFC 3339 (MarshalJSON fails past year 9999),
// civil.Date's YYYY-MM-DD of three ints.
var knownMarshalers = map[reflect.Type]int{
	reflect.TypeFor[time.Time]():  len(`"`+time.RFC3339Nano+`"`) + 2,
	reflect.TypeFor[civil.Date](): 6*(3*20+2) + 2,
}

func planOf(t reflect.Type) *boundPlan {
	if p, ok := boundPlans.Load(t); ok {
		return p.(*boundPlan)
	}
	p := makePlan(t, map[reflect.Type]*boundPlan{})
	boundPlans.Store(t, p)
	return p
}

func makePlan(t reflect.Type, making map[reflect.Type]*boundPlan) *boundPlan {
	if p, ok := making[t]; ok {
		return p // a type holding itself: filled in below
	}
	p := &boundPlan{kind: t.Kind()}
	making[t] = p
	if n, ok := knownMarshalers[t]; ok {
		p.fixed = n
		return p
	}
	if t.Kind() != reflect.Pointer && (t.Implements(jsonMarshaler) || t.Implements(textMarshaler) ||
		reflect.PointerTo(t).Implements(jsonMarshaler) || reflect.PointerTo(t).Implements(textMarshaler)) {
		p.none = true
		return p
	}
	switch t.Kind() {
	case reflect.Bool:
		p.fixed = len("false")
	case reflect.Int, reflect.Int8, reflect.Int16, reflect.Int32, reflect.Int64,
		reflect.Uint, reflect.Uint8, reflect.Uint16, reflect.Uint32, reflect.Uint64, reflect.Uintptr:
		p.fixed = 20
	case reflect.Float32, reflect.Float64:
		p.fixed = 32
	case reflect.String:
	case reflect.Pointer, reflect.Slice, reflect.Array:
		p.byteSl = t.Kind() == reflect.Slice && t.Elem().Kind() == reflect.Uint8
		p.elem = makePlan(t.Elem(), making)
	case reflect.Struct:
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			tag := f.Tag.Get("json")
			if !f.IsExported() || tag == "-" {
				if f.Anonymous {
					p.none = true // an embedded struct's fields are promoted
				}
				continue
			}
			name, opts, _ := strings.Cut(tag, ",")
			if f.Anonymous || strings.Contains(opts, "string") {
				p.none = true
				continue
			}
			if name == "" {
				name = f.Name
			}
			p.fields = append(p.fields, boundField{index: i, key: 6*len(name) + 4, plan: makePlan(f.Type, making)})
		}
	default: // a map, an interface, a channel, a function
		p.none = true
	}
	return p
}

// boundOf is jsonBound of v, whose plan is p.
func boundOf(p *boundPlan, v reflect.Value) int {
	if p.none {
		return -1
	}
	if p.fixed > 0 {
		return p.fixed
	}
	switch p.kind {
	case reflect.String:
		return 6*v.Len() + 2
	case reflect.Pointer:
		if v.IsNil() {
			return len("null")
		}
		return boundOf(p.elem, v.Elem())
	case reflect.Slice, reflect.Array:
		if p.kind == reflect.Slice && v.IsNil() {
			return len("null")
		}
		if p.byteSl {
			return 4*(v.Len()/3+1) + 2
		}
		n := 2
		for i := 0; i < v.Len(); i++ {
			b := boundOf(p.elem, v.Index(i))
			if b < 0 {
				return -1
			}
			n += b + 1
		}
		return n
	case reflect.Struct:
		n := 2
		for _, f := range p.fields {
			b := boundOf(f.plan, v.Field(f.index))
			if b < 0 {
				return -1
			}
			n += f.key + b
		}
		return n
	}
	return -1
}
