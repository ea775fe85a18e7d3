//! The app icons for the web app manifest (installing the game on a phone or Chromebook),
//! drawn here from the same shapes as `web/favicon.svg` and written as PNG, so no image is
//! edited by hand: a white tick on the brand purple, full bleed so a phone may mask it to
//! any shape (the tick sits inside the central safe zone).

use std::io::Write;

/// The brand purple of the favicon and the page.
const PURPLE: [u8; 3] = [0x5b, 0x2e, 0xe5];
/// The tick, in the favicon's 64-unit square: two strokes 7 units wide with round ends.
const TICK: [(f32, f32); 3] = [(20.0, 34.0), (28.0, 42.0), (44.0, 24.0)];
const HALF_WIDTH: f32 = 3.5;

/// A square PNG icon `size` pixels across.
pub fn png(size: u32) -> Vec<u8> {
    let scale = size as f32 / 64.0;
    let mut rows = Vec::with_capacity((size * (size * 3 + 1)) as usize);
    for y in 0..size {
        rows.push(0); // no filter
        for x in 0..size {
            let p = ((x as f32 + 0.5) / scale, (y as f32 + 0.5) / scale);
            let d = distance(p, TICK[0], TICK[1]).min(distance(p, TICK[1], TICK[2]));
            // Anti-aliased edge: one pixel of blend, measured in pixels.
            let white = ((HALF_WIDTH - d) * scale + 0.5).clamp(0.0, 1.0);
            for c in PURPLE {
                rows.push((c as f32 + (255.0 - c as f32) * white).round() as u8);
            }
        }
    }
    let mut z = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    z.write_all(&rows).expect("writing to memory");
    let data = z.finish().expect("writing to memory");

    let mut header = Vec::with_capacity(13);
    header.extend(size.to_be_bytes());
    header.extend(size.to_be_bytes());
    header.extend([8, 2, 0, 0, 0]); // 8-bit RGB, no interlace
    let mut out = b"\x89PNG\r\n\x1a\n".to_vec();
    chunk(&mut out, b"IHDR", &header);
    chunk(&mut out, b"IDAT", &data);
    chunk(&mut out, b"IEND", &[]);
    out
}

/// Distance from `p` to the segment `a`–`b`.
fn distance(p: (f32, f32), a: (f32, f32), b: (f32, f32)) -> f32 {
    let (dx, dy) = (b.0 - a.0, b.1 - a.1);
    let t = (((p.0 - a.0) * dx + (p.1 - a.1) * dy) / (dx * dx + dy * dy)).clamp(0.0, 1.0);
    ((p.0 - a.0 - t * dx).powi(2) + (p.1 - a.1 - t * dy).powi(2)).sqrt()
}

fn chunk(out: &mut Vec<u8>, kind: &[u8; 4], data: &[u8]) {
    out.extend((data.len() as u32).to_be_bytes());
    out.extend(kind);
    out.extend(data);
    let crc = crc32(kind.iter().chain(data));
    out.extend(crc.to_be_bytes());
}

/// The CRC-32 PNG chunks end with (ISO 3309, as zlib computes it).
fn crc32<'a>(bytes: impl Iterator<Item = &'a u8>) -> u32 {
    let mut crc = !0u32;
    for &b in bytes {
        crc ^= b as u32;
        for _ in 0..8 {
            crc = if crc & 1 == 1 {
                (crc >> 1) ^ 0xEDB8_8320
            } else {
                crc >> 1
            };
        }
    }
    !crc
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn crc_matches_the_standard_check_value() {
        assert_eq!(crc32(b"123456789".iter()), 0xCBF4_3926);
    }

    #[test]
    fn icons_are_pngs_of_the_size_asked_for() {
        let icon = png(192);
        assert_eq!(&icon[..8], b"\x89PNG\r\n\x1a\n");
        assert_eq!(&icon[12..16], b"IHDR");
        assert_eq!(u32::from_be_bytes(icon[16..20].try_into().unwrap()), 192);
        assert_eq!(u32::from_be_bytes(icon[20..24].try_into().unwrap()), 192);
    }
}
