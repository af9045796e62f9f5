#!/usr/bin/env python3
"""Regenerates kubernetes.schema from a kubectl binary.

Why a binary and not generated.proto: the .proto files lack what the Kubernetes JSON
encoding needs (json names of inlined structs such as Volume.volumeSource, omitempty,
Go field order, pointer-ness). A Go kubectl binary carries both the gogo-protobuf
FileDescriptorProtos of every built-in API group (gzip, registered by generated.pb.go)
and the reflection metadata of the Go structs (field order, json and protobuf tags),
so one pinned binary gives a schema that is exact for that Kubernetes release.

Usage: generate_schema.py /usr/lib/google-cloud-sdk/bin/kubectl.1.33 > kubernetes.schema
Needs only the Python standard library; supports linux/amd64 Go 1.20+ binaries.
"""
import re
import struct
import sys
import zlib

# Proto messages whose JSON form is custom (MarshalJSON in apimachinery); the decoder
# implements them by name, so the schema does not describe their fields.
SPECIAL = {
    'k8s.io.apimachinery.pkg.apis.meta.v1.Time',
    'k8s.io.apimachinery.pkg.apis.meta.v1.MicroTime',
    'k8s.io.apimachinery.pkg.apis.meta.v1.Duration',
    'k8s.io.apimachinery.pkg.apis.meta.v1.FieldsV1',
    'k8s.io.apimachinery.pkg.api.resource.Quantity',
    'k8s.io.apimachinery.pkg.api.resource.QuantityValue',
    'k8s.io.apimachinery.pkg.util.intstr.IntOrString',
    'k8s.io.apimachinery.pkg.runtime.RawExtension',
    'k8s.io.apimachinery.pkg.runtime.Unknown',
}
PROTO_TYPES = {1: 'double', 2: 'float', 3: 'int64', 4: 'uint64', 5: 'int32', 6: 'fixed64', 7: 'fixed32',
               8: 'bool', 9: 'string', 12: 'bytes', 13: 'uint32', 15: 'sfixed32', 16: 'sfixed64',
               17: 'sint32', 18: 'sint64'}
GO_KINDS = {1: 'bool', 2: 'int', 5: 'int32', 6: 'int64', 8: 'uint8', 10: 'uint32', 11: 'uint64', 13: 'float32',
            14: 'float64', 17: 'array', 21: 'map', 22: 'ptr', 23: 'slice', 24: 'string', 25: 'struct'}


def fail(msg):
    sys.exit('generate_schema: ' + msg)


# ---- protobuf wire format (just enough for FileDescriptorProto) ----
def varint(b, i):
    r = s = 0
    while True:
        c = b[i]
        i += 1
        r |= (c & 0x7f) << s
        s += 7
        if c < 0x80:
            return r, i


def pb_fields(b):
    i, out = 0, []
    while i < len(b):
        k, i = varint(b, i)
        f, w = k >> 3, k & 7
        if w == 0:
            v, i = varint(b, i)
        elif w == 2:
            n, i = varint(b, i)
            v, i = b[i:i + n], i + n
        elif w == 1:
            v, i = b[i:i + 8], i + 8
        elif w == 5:
            v, i = b[i:i + 4], i + 4
        else:
            fail('unexpected wire type %d in descriptor' % w)
        out.append((f, v))
    return out


def pb_group(b):
    d = {}
    for f, v in pb_fields(b):
        d.setdefault(f, []).append(v)
    return d


def load_descriptors(data):
    """Finds the gzipped FileDescriptorProtos embedded by gogo's proto.RegisterFile."""
    messages = {}
    for m in re.finditer(rb'\x1f\x8b\x08\x00\x00\x00\x00\x00', data):
        try:
            raw = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(data[m.start():m.start() + 4000000])
        except zlib.error:
            continue
        if raw[:1] != b'\x0a' or b'generated.proto' not in raw[:150]:
            continue
        fd = pb_group(raw)
        package = fd[2][0].decode()
        for mb in fd.get(4, []):
            add_message(messages, package, mb)
    return messages


def add_message(messages, prefix, mb):
    md = pb_group(mb)
    full = prefix + '.' + md[1][0].decode()
    map_entry = any(f == 7 and v == 1 for o in md.get(7, []) for f, v in pb_fields(o))
    fields = []
    for fb in md.get(2, []):
        fd = pb_group(fb)
        fields.append({'name': fd[1][0].decode(), 'number': fd[3][0], 'repeated': fd[4][0] == 3,
                       'type': fd[5][0], 'type_name': fd[6][0].decode().lstrip('.') if 6 in fd else None})
    messages[full] = {'fields': fields, 'map_entry': map_entry}
    for nb in md.get(3, []):
        add_message(messages, full, nb)


# ---- Go reflection metadata (abi.Type layout of Go 1.20+ on amd64) ----
class GoBinary:
    def __init__(self, data):
        self.d = data
        shoff = struct.unpack_from('<Q', data, 0x28)[0]
        shentsize, shnum, shstrndx = struct.unpack_from('<HHH', data, 0x3a)
        raw = [struct.unpack_from('<IIQQQQ', data, shoff + i * shentsize) for i in range(shnum)]
        stroff = raw[shstrndx][4]
        self.sections = {}
        for nm, typ, _, addr, off, size in raw:
            name = data[stroff + nm:data.index(b'\0', stroff + nm)].decode()
            self.sections[name] = (addr, off, size, typ)
        self.base = self.sections['.rodata'][0]  # runtime.types starts .rodata in Go ELF builds
        self.types = {}

    def off(self, v):
        for addr, off, size, typ in self.sections.values():
            if addr and typ != 8 and addr <= v < addr + size:  # 8 = SHT_NOBITS
                return v - addr + off
        fail('address %x outside file' % v)

    def u8(self, v):
        return self.d[self.off(v)]

    def i32(self, v):
        return struct.unpack_from('<i', self.d, self.off(v))[0]

    def u64(self, v):
        return struct.unpack_from('<Q', self.d, self.off(v))[0]

    def name(self, v):
        o = self.off(v)
        flags = self.d[o]
        n, o = varint(self.d, o + 1)
        text = self.d[o:o + n].decode('utf-8', 'replace')
        tag = None
        if flags & 2:
            t, o2 = varint(self.d, o + n)
            tag = self.d[o2:o2 + t].decode('utf-8', 'replace')
        return flags, text, tag

    def type_info(self, t):
        if t in self.types:
            return self.types[t]
        tflag, kind = self.u8(t + 20), self.u8(t + 23) & 0x1f
        name = self.name(self.base + self.i32(t + 40))[1]
        if tflag & 2:
            name = name[1:]
        pkg = None
        if tflag & 1 and kind in (25, 22, 23, 24, 1, 2, 5, 6, 8, 10, 11, 13, 14):
            uncommon = {25: 80, 22: 56, 23: 56}.get(kind, 48)
            p = self.i32(t + uncommon)
            if p:
                pkg = self.name(self.base + p)[1]
        info = {'kind': kind, 'name': name, 'pkg': pkg, 'named': bool(tflag & 4), 'addr': t}
        self.types[t] = info
        return info

    def elems(self, t):
        kind = self.type_info(t)['kind']
        if kind in (22, 23, 17):
            return [self.u64(t + 48)]
        if kind == 21:
            return [self.u64(t + 48), self.u64(t + 56)]
        if kind == 25:
            fp, n = self.u64(t + 56), self.u64(t + 64)
            return [self.u64(fp + i * 24 + 8) for i in range(n)]
        return []

    def struct_fields(self, t):
        fp, n = self.u64(t + 56), self.u64(t + 64)
        out = []
        for i in range(n):
            flags, fname, tag = self.name(self.u64(fp + i * 24))
            out.append({'name': fname, 'embedded': bool(flags & 8), 'tag': tag or '',
                        'type': self.u64(fp + i * 24 + 8)})
        return out

    def all_structs(self):
        addr, off, size, _ = self.sections['.typelink']
        todo = [self.base + o for o in struct.unpack_from('<%di' % (size // 4), self.d, off)]
        seen = set()
        while todo:
            t = todo.pop()
            if not t or t in seen:
                continue
            seen.add(t)
            todo.extend(self.elems(t))
        structs = {}
        for t in seen:
            info = self.type_info(t)
            if info['kind'] == 25 and info['named'] and info['pkg']:
                structs[(info['pkg'], info['name'].split('.', 1)[1])] = t
        return structs


TAG_RE = re.compile(r'(\w+):"([^"]*)"')


def go_package(proto_message):
    # k8s.io.api.apps.v1.Deployment -> (k8s.io/api/apps/v1, Deployment)
    parts = proto_message.split('.')
    return 'k8s.io/' + '/'.join(parts[2:-1]), parts[-1]


def scalar_go_kinds(proto_type):
    return {'string': (24,), 'bool': (1,), 'int32': (5,), 'int64': (6,), 'uint32': (10,), 'uint64': (11,),
            'double': (14,), 'float': (13,), 'bytes': ()}[proto_type]


def main():
    data = open(sys.argv[1], 'rb').read()
    messages = load_descriptors(data)
    go = GoBinary(data)
    structs = go.all_structs()
    # Named Go slices (ExtraValue, Verbs) have no Go struct and are wrapped as {repeated items = 1}.
    array_wrappers = {full for full, m in messages.items()
                      if not m['map_entry'] and full not in SPECIAL and go_package(full) not in structs}
    out = []
    for full in sorted(messages):
        m = messages[full]
        if m['map_entry'] or full in SPECIAL:
            continue
        key = go_package(full)
        if full in array_wrappers:
            if [(f['name'], f['number'], f['repeated'], f['type']) for f in m['fields']] != [('items', 1, True, 9)]:
                fail('no Go struct for ' + full)
            out.append('M\t%s\tarray' % full)
            continue
        gofields = go.struct_fields(structs[key])
        by_number = {f['number']: f for f in m['fields']}
        used = set()
        lines = []
        root = False
        for i, gf in enumerate(gofields):
            tags = dict(TAG_RE.findall(gf['tag']))
            jtag, ptag = tags.get('json'), tags.get('protobuf')
            if gf['embedded'] and gf['name'] == 'TypeMeta':
                if i != 0:
                    fail('TypeMeta is not first in ' + full)
                root = True
                continue
            if jtag == '-':
                continue
            if ptag is None or ptag == '-':
                fail('field %s.%s has JSON but no protobuf tag' % (full, gf['name']))
            jparts = (jtag or '').split(',')
            jname = jparts[0]
            inline = 'inline' in jparts[1:] or (gf['embedded'] and jtag is None)
            if 'omitzero' in jparts[1:] or 'string' in jparts[1:]:
                fail('unsupported json option in %s.%s' % (full, gf['name']))
            if not inline and not jname:
                jname = gf['name']
            number = int(ptag.split(',')[1])
            pf = by_number.get(number)
            if pf is None:
                fail('%s.%s: protobuf field %d not in descriptor' % (full, gf['name'], number))
            used.add(number)
            t = go.type_info(gf['type'])
            if pf['type'] == 11:
                target = pf['type_name']
                target_msg = messages.get(target)
                if target_msg is None:
                    fail('unknown message ' + target)
                if target_msg['map_entry']:
                    if t['kind'] != 21 or not pf['repeated']:
                        fail('map mismatch at %s.%s' % (full, gf['name']))
                    kf, vf = target_msg['fields']
                    if kf['type'] != 9:
                        fail('non-string map key at %s.%s' % (full, gf['name']))
                    card, ptype = 'm', vf['type_name'] if vf['type'] == 11 else PROTO_TYPES[vf['type']]
                else:
                    ptype = target
                    if pf['repeated']:
                        if t['kind'] != 23:
                            fail('repeated without slice at %s.%s' % (full, gf['name']))
                        card = 'r'
                    elif target in array_wrappers and t['kind'] == 23:
                        card = 'v'
                    else:
                        card = {22: 'p', 25: 'v'}.get(t['kind'])
                        if card is None:
                            fail('unexpected Go kind %d at %s.%s' % (t['kind'], full, gf['name']))
            else:
                ptype = PROTO_TYPES.get(pf['type'])
                if ptype is None:
                    fail('unsupported proto type %d at %s.%s' % (pf['type'], full, gf['name']))
                if pf['repeated']:
                    if t['kind'] != 23:
                        fail('repeated without slice at %s.%s' % (full, gf['name']))
                    card = 'r'
                elif ptype == 'bytes':
                    if t['kind'] != 23:
                        fail('bytes without []byte at %s.%s' % (full, gf['name']))
                    card = 'v'
                elif t['kind'] == 22:
                    card = 'p'
                elif t['kind'] in scalar_go_kinds(ptype):
                    card = 'v'
                else:
                    fail('Go kind %d does not match %s at %s.%s' % (t['kind'], ptype, full, gf['name']))
            omit = 'o' if 'omitempty' in jparts[1:] else '-'
            lines.append('F\t%s\t%d\t%s\t%s\t%s' % ('~' if inline else jname, number, card, ptype, omit))
        missing = set(by_number) - used
        if missing:
            fail('%s: proto fields %s have no Go field' % (full, sorted(missing)))
        out.append('M\t%s\t%s' % (full, 'root' if root else '-'))
        out.extend(lines)
    print('# Kubernetes API protobuf schema with Go JSON semantics; generated by generate_schema.py. Do not edit.')
    print('# M <message> <root|array|->: root = has TypeMeta (a kind), array = Go named []string wrapped as {items}.')
    print('# F <json name, ~ inline> <field number> <v value|p pointer|r repeated|m map<string,T>> <type> <o omitempty|->')
    print('\n'.join(out))


if __name__ == '__main__':
    main()
