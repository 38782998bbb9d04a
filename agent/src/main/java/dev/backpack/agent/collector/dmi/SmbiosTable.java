package dev.backpack.agent.collector.dmi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import dev.backpack.agent.collector.Values;

/**
 * Decodes the SMBIOS structure table the kernel exposes as {@code /sys/firmware/dmi/tables/DMI}
 * (DMTF DSP0134): processors (type 4) and memory devices (type 17), the parts {@code dmidecode}
 * shows that {@code /sys/class/dmi/id} does not.
 *
 * <p>Each structure is a formatted area ({@code type}, {@code length}, {@code handle}, fields) followed
 * by its strings, each NUL-terminated, the set ending with an extra NUL. String fields hold a 1-based
 * index into that set.
 */
final class SmbiosTable {
    static final int TYPE_PROCESSOR = 4;
    static final int TYPE_MEMORY_DEVICE = 17;
    static final int TYPE_END = 127;

    record Structure(int type, int handle, byte[] formatted, List<String> strings) {
        int u8(int offset) {
            return offset < formatted.length ? formatted[offset] & 0xff : -1;
        }

        int u16(int offset) {
            return offset + 1 < formatted.length ? (formatted[offset] & 0xff) | (formatted[offset + 1] & 0xff) << 8 : -1;
        }

        long u32(int offset) {
            return offset + 3 < formatted.length
                    ? (u16(offset) & 0xffffL) | ((long) u16(offset + 2) & 0xffffL) << 16 : -1;
        }

        String string(int offset) {
            int index = u8(offset);
            if (index <= 0 || index > strings.size()) {
                return null;
            }
            String s = strings.get(index - 1).trim();
            return s.isEmpty() ? null : s;
        }
    }

    private SmbiosTable() {
    }

    static List<Structure> parse(byte[] table) {
        List<Structure> out = new ArrayList<>();
        int pos = 0;
        while (pos + 4 <= table.length) {
            int type = table[pos] & 0xff;
            int length = table[pos + 1] & 0xff;
            if (length < 4 || pos + length > table.length) {
                break; // a truncated or corrupt table: keep what was decoded so far
            }
            int handle = (table[pos + 2] & 0xff) | (table[pos + 3] & 0xff) << 8;
            byte[] formatted = new byte[length];
            System.arraycopy(table, pos, formatted, 0, length);
            List<String> strings = new ArrayList<>();
            int p = pos + length;
            if (p + 1 < table.length && table[p] == 0 && table[p + 1] == 0) {
                p += 2;
            } else {
                int start = p;
                while (p < table.length) {
                    if (table[p] == 0) {
                        strings.add(new String(table, start, p - start, java.nio.charset.StandardCharsets.ISO_8859_1));
                        if (p + 1 < table.length && table[p + 1] == 0) {
                            p += 2;
                            break;
                        }
                        start = p + 1;
                    }
                    p++;
                }
            }
            out.add(new Structure(type, handle, formatted, strings));
            if (type == TYPE_END) {
                break;
            }
            pos = p;
        }
        return out;
    }

    /** Processor Information (type 4), fields at the offsets of SMBIOS 2.0–3.0. */
    static Map<String, Object> processor(Structure s) {
        Values v = Values.create()
                .put("socket_designation", s.string(0x04))
                .put("manufacturer", s.string(0x07))
                .put("version", s.string(0x10));
        putPositive(v, "max_speed_mhz", s.u16(0x14));
        putPositive(v, "current_speed_mhz", s.u16(0x16));
        int status = s.u8(0x18);
        if (status >= 0) {
            v.put("populated", (status & 0x40) != 0);
        }
        v.put("serial_number", s.string(0x20));
        v.put("asset_tag", s.string(0x21));
        v.put("part_number", s.string(0x22));
        int cores = s.u8(0x23);
        int threads = s.u8(0x25);
        // 0xFF means "see the 16-bit field" (SMBIOS 3.0, more than 255).
        putPositive(v, "core_count", cores == 0xff ? s.u16(0x2a) : cores);
        putPositive(v, "core_enabled", s.u8(0x24) == 0xff ? s.u16(0x2c) : s.u8(0x24));
        putPositive(v, "thread_count", threads == 0xff ? s.u16(0x2e) : threads);
        return v.toMap();
    }

    /** Memory Device (type 17). Size: bit 15 = KiB units, 0x7FFF = see the 32-bit extended size in MiB. */
    static Map<String, Object> memoryDevice(Structure s) {
        Values v = Values.create()
                .put("locator", s.string(0x10))
                .put("bank_locator", s.string(0x11));
        int size = s.u16(0x0c);
        if (size == 0) {
            v.put("installed", false);
        } else if (size > 0 && size != 0xffff) {
            long mib;
            if (size == 0x7fff) {
                mib = s.u32(0x1c) & 0x7fffffffL;
            } else if ((size & 0x8000) != 0) {
                mib = (size & 0x7fff) / 1024;
            } else {
                mib = size;
            }
            v.put("installed", true);
            v.put("size_mib", mib);
        }
        v.put("type", memoryType(s.u8(0x12)));
        putPositive(v, "speed_mts", s.u16(0x15) == 0xffff ? -1 : s.u16(0x15));
        v.put("manufacturer", s.string(0x17));
        v.put("serial_number", s.string(0x18));
        v.put("part_number", s.string(0x1a));
        putPositive(v, "configured_speed_mts", s.u16(0x20) == 0xffff ? -1 : s.u16(0x20));
        return v.toMap();
    }

    static String memoryType(int code) {
        return switch (code) {
            case 0x12 -> "DDR";
            case 0x13 -> "DDR2";
            case 0x18 -> "DDR3";
            case 0x1a -> "DDR4";
            case 0x1b -> "LPDDR";
            case 0x1c -> "LPDDR2";
            case 0x1d -> "LPDDR3";
            case 0x1e -> "LPDDR4";
            case 0x22 -> "DDR5";
            case 0x23 -> "LPDDR5";
            case 0x07 -> "RAM";
            case 0x02 -> "Unknown";
            case -1 -> null;
            default -> "Other (0x" + Integer.toHexString(code) + ")";
        };
    }

    private static void putPositive(Values v, String key, long value) {
        if (value > 0) {
            v.put(key, value);
        }
    }
}
