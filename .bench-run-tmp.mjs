import { createRequire as __r } from 'node:module'; const require = __r(import.meta.url);
var __create = Object.create;
var __defProp = Object.defineProperty;
var __getOwnPropDesc = Object.getOwnPropertyDescriptor;
var __getOwnPropNames = Object.getOwnPropertyNames;
var __getProtoOf = Object.getPrototypeOf;
var __hasOwnProp = Object.prototype.hasOwnProperty;
var __require = /* @__PURE__ */ ((x) => typeof require !== "undefined" ? require : typeof Proxy !== "undefined" ? new Proxy(x, {
  get: (a, b) => (typeof require !== "undefined" ? require : a)[b]
}) : x)(function(x) {
  if (typeof require !== "undefined") return require.apply(this, arguments);
  throw Error('Dynamic require of "' + x + '" is not supported');
});
var __commonJS = (cb, mod) => function __require2() {
  try {
    return mod || (0, cb[__getOwnPropNames(cb)[0]])((mod = { exports: {} }).exports, mod), mod.exports;
  } catch (e) {
    throw mod = 0, e;
  }
};
var __copyProps = (to, from, except, desc) => {
  if (from && typeof from === "object" || typeof from === "function") {
    for (let key of __getOwnPropNames(from))
      if (!__hasOwnProp.call(to, key) && key !== except)
        __defProp(to, key, { get: () => from[key], enumerable: !(desc = __getOwnPropDesc(from, key)) || desc.enumerable });
  }
  return to;
};
var __toESM = (mod, isNodeMode, target) => (target = mod != null ? __create(__getProtoOf(mod)) : {}, __copyProps(
  // If the importer is in node compatibility mode or this is not an ESM
  // file that has been converted to a CommonJS file using a Babel-
  // compatible transform (i.e. "__esModule" has not been set), then set
  // "default" to the CommonJS "module.exports" for node compatibility.
  isNodeMode || !mod || !mod.__esModule ? __defProp(target, "default", { value: mod, enumerable: true }) : target,
  mod
));

// node_modules/protobufjs/src/util/aspromise.js
var require_aspromise = __commonJS({
  "node_modules/protobufjs/src/util/aspromise.js"(exports, module) {
    "use strict";
    module.exports = asPromise;
    function asPromise(fn, ctx) {
      var params = new Array(arguments.length - 1), offset = 0, index = 2, pending = true;
      while (index < arguments.length)
        params[offset++] = arguments[index++];
      return new Promise(function executor(resolve, reject) {
        params[offset] = function callback(err2) {
          if (pending) {
            pending = false;
            if (err2)
              reject(err2);
            else {
              var params2 = new Array(arguments.length - 1), offset2 = 0;
              while (offset2 < params2.length)
                params2[offset2++] = arguments[offset2];
              resolve.apply(null, params2);
            }
          }
        };
        try {
          fn.apply(ctx || null, params);
        } catch (err2) {
          if (pending) {
            pending = false;
            reject(err2);
          }
        }
      });
    }
  }
});

// node_modules/protobufjs/src/util/base64.js
var require_base64 = __commonJS({
  "node_modules/protobufjs/src/util/base64.js"(exports) {
    "use strict";
    var base64 = exports;
    base64.length = function length(string) {
      var p = string.length;
      if (!p)
        return 0;
      while (p > 0 && string.charAt(p - 1) === "=")
        --p;
      return Math.floor(p * 3 / 4);
    };
    var b64 = new Array(64);
    var s64 = new Array(123);
    for (i = 0; i < 64; )
      s64[b64[i] = i < 26 ? i + 65 : i < 52 ? i + 71 : i < 62 ? i - 4 : i - 59 | 43] = i++;
    var i;
    s64[45] = 62;
    s64[95] = 63;
    base64.encode = function encode(buffer, start, end) {
      var parts = null, chunk = [];
      var i2 = 0, j = 0, t;
      while (start < end) {
        var b = buffer[start++];
        switch (j) {
          case 0:
            chunk[i2++] = b64[b >> 2];
            t = (b & 3) << 4;
            j = 1;
            break;
          case 1:
            chunk[i2++] = b64[t | b >> 4];
            t = (b & 15) << 2;
            j = 2;
            break;
          case 2:
            chunk[i2++] = b64[t | b >> 6];
            chunk[i2++] = b64[b & 63];
            j = 0;
            break;
        }
        if (i2 > 8191) {
          (parts || (parts = [])).push(String.fromCharCode.apply(String, chunk));
          i2 = 0;
        }
      }
      if (j) {
        chunk[i2++] = b64[t];
        chunk[i2++] = 61;
        if (j === 1)
          chunk[i2++] = 61;
      }
      if (parts) {
        if (i2)
          parts.push(String.fromCharCode.apply(String, chunk.slice(0, i2)));
        return parts.join("");
      }
      return String.fromCharCode.apply(String, chunk.slice(0, i2));
    };
    var invalidEncoding = "invalid encoding";
    base64.decode = function decode(string, buffer, offset) {
      var start = offset;
      var j = 0, t;
      for (var i2 = 0; i2 < string.length; ) {
        var c = string.charCodeAt(i2++);
        if (c === 61 && j > 1)
          break;
        if ((c = s64[c]) === void 0)
          throw Error(invalidEncoding);
        switch (j) {
          case 0:
            t = c;
            j = 1;
            break;
          case 1:
            buffer[offset++] = t << 2 | (c & 48) >> 4;
            t = c;
            j = 2;
            break;
          case 2:
            buffer[offset++] = (t & 15) << 4 | (c & 60) >> 2;
            t = c;
            j = 3;
            break;
          case 3:
            buffer[offset++] = (t & 3) << 6 | c;
            j = 0;
            break;
        }
      }
      if (j === 1)
        throw Error(invalidEncoding);
      return offset - start;
    };
    var base64Re = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
    var base64UrlRe = /[-_]/;
    var base64UrlNoPaddingRe = /^(?:[A-Za-z0-9_-]{4})*(?:[A-Za-z0-9_-]{2}(?:==)?|[A-Za-z0-9_-]{3}=?)?$/;
    base64.test = function test(string) {
      return base64Re.test(string) || base64UrlRe.test(string) && base64UrlNoPaddingRe.test(string);
    };
  }
});

// node_modules/protobufjs/src/util/eventemitter.js
var require_eventemitter = __commonJS({
  "node_modules/protobufjs/src/util/eventemitter.js"(exports, module) {
    "use strict";
    module.exports = EventEmitter;
    function EventEmitter() {
      this._listeners = /* @__PURE__ */ Object.create(null);
    }
    EventEmitter.prototype.on = function on(evt, fn, ctx) {
      (this._listeners[evt] || (this._listeners[evt] = [])).push({
        fn,
        ctx: ctx || this
      });
      return this;
    };
    EventEmitter.prototype.off = function off(evt, fn) {
      if (evt === void 0)
        this._listeners = /* @__PURE__ */ Object.create(null);
      else {
        if (fn === void 0)
          this._listeners[evt] = [];
        else {
          var listeners = this._listeners[evt];
          if (!listeners)
            return this;
          for (var i = 0; i < listeners.length; )
            if (listeners[i].fn === fn)
              listeners.splice(i, 1);
            else
              ++i;
        }
      }
      return this;
    };
    EventEmitter.prototype.emit = function emit(evt) {
      var listeners = this._listeners[evt];
      if (listeners) {
        var args = [], i = 1;
        for (; i < arguments.length; )
          args.push(arguments[i++]);
        for (i = 0; i < listeners.length; )
          listeners[i].fn.apply(listeners[i++].ctx, args);
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/util/float.js
var require_float = __commonJS({
  "node_modules/protobufjs/src/util/float.js"(exports, module) {
    "use strict";
    module.exports = factory(factory);
    function factory(exports2) {
      if (typeof Float32Array !== "undefined") (function() {
        var f32 = new Float32Array([-0]), f8b = new Uint8Array(f32.buffer), le = f8b[3] === 128;
        function writeFloat_f32_cpy(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
        }
        function writeFloat_f32_rev(val, buf, pos) {
          f32[0] = val;
          buf[pos] = f8b[3];
          buf[pos + 1] = f8b[2];
          buf[pos + 2] = f8b[1];
          buf[pos + 3] = f8b[0];
        }
        exports2.writeFloatLE = le ? writeFloat_f32_cpy : writeFloat_f32_rev;
        exports2.writeFloatBE = le ? writeFloat_f32_rev : writeFloat_f32_cpy;
        function readFloat_f32_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          return f32[0];
        }
        function readFloat_f32_rev(buf, pos) {
          f8b[3] = buf[pos];
          f8b[2] = buf[pos + 1];
          f8b[1] = buf[pos + 2];
          f8b[0] = buf[pos + 3];
          return f32[0];
        }
        exports2.readFloatLE = le ? readFloat_f32_cpy : readFloat_f32_rev;
        exports2.readFloatBE = le ? readFloat_f32_rev : readFloat_f32_cpy;
      })();
      else (function() {
        function writeFloat_ieee754(writeUint, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0)
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos);
          else if (isNaN(val))
            writeUint(2143289344, buf, pos);
          else if (val > 34028234663852886e22)
            writeUint((sign << 31 | 2139095040) >>> 0, buf, pos);
          else if (val < 11754943508222875e-54)
            writeUint((sign << 31 | Math.round(val / 1401298464324817e-60)) >>> 0, buf, pos);
          else {
            var exponent = Math.floor(Math.log(val) / Math.LN2), mantissa = Math.round(val * Math.pow(2, -exponent) * 8388608) & 8388607;
            writeUint((sign << 31 | exponent + 127 << 23 | mantissa) >>> 0, buf, pos);
          }
        }
        exports2.writeFloatLE = writeFloat_ieee754.bind(null, writeUintLE);
        exports2.writeFloatBE = writeFloat_ieee754.bind(null, writeUintBE);
        function readFloat_ieee754(readUint, buf, pos) {
          var uint = readUint(buf, pos), sign = (uint >> 31) * 2 + 1, exponent = uint >>> 23 & 255, mantissa = uint & 8388607;
          return exponent === 255 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 1401298464324817e-60 * mantissa : sign * Math.pow(2, exponent - 150) * (mantissa + 8388608);
        }
        exports2.readFloatLE = readFloat_ieee754.bind(null, readUintLE);
        exports2.readFloatBE = readFloat_ieee754.bind(null, readUintBE);
      })();
      if (typeof Float64Array !== "undefined") (function() {
        var f64 = new Float64Array([-0]), f8b = new Uint8Array(f64.buffer), le = f8b[7] === 128;
        function writeDouble_f64_cpy(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[0];
          buf[pos + 1] = f8b[1];
          buf[pos + 2] = f8b[2];
          buf[pos + 3] = f8b[3];
          buf[pos + 4] = f8b[4];
          buf[pos + 5] = f8b[5];
          buf[pos + 6] = f8b[6];
          buf[pos + 7] = f8b[7];
        }
        function writeDouble_f64_rev(val, buf, pos) {
          f64[0] = val;
          buf[pos] = f8b[7];
          buf[pos + 1] = f8b[6];
          buf[pos + 2] = f8b[5];
          buf[pos + 3] = f8b[4];
          buf[pos + 4] = f8b[3];
          buf[pos + 5] = f8b[2];
          buf[pos + 6] = f8b[1];
          buf[pos + 7] = f8b[0];
        }
        exports2.writeDoubleLE = le ? writeDouble_f64_cpy : writeDouble_f64_rev;
        exports2.writeDoubleBE = le ? writeDouble_f64_rev : writeDouble_f64_cpy;
        function readDouble_f64_cpy(buf, pos) {
          f8b[0] = buf[pos];
          f8b[1] = buf[pos + 1];
          f8b[2] = buf[pos + 2];
          f8b[3] = buf[pos + 3];
          f8b[4] = buf[pos + 4];
          f8b[5] = buf[pos + 5];
          f8b[6] = buf[pos + 6];
          f8b[7] = buf[pos + 7];
          return f64[0];
        }
        function readDouble_f64_rev(buf, pos) {
          f8b[7] = buf[pos];
          f8b[6] = buf[pos + 1];
          f8b[5] = buf[pos + 2];
          f8b[4] = buf[pos + 3];
          f8b[3] = buf[pos + 4];
          f8b[2] = buf[pos + 5];
          f8b[1] = buf[pos + 6];
          f8b[0] = buf[pos + 7];
          return f64[0];
        }
        exports2.readDoubleLE = le ? readDouble_f64_cpy : readDouble_f64_rev;
        exports2.readDoubleBE = le ? readDouble_f64_rev : readDouble_f64_cpy;
      })();
      else (function() {
        function writeDouble_ieee754(writeUint, off0, off1, val, buf, pos) {
          var sign = val < 0 ? 1 : 0;
          if (sign)
            val = -val;
          if (val === 0) {
            writeUint(0, buf, pos + off0);
            writeUint(1 / val > 0 ? (
              /* positive */
              0
            ) : (
              /* negative 0 */
              2147483648
            ), buf, pos + off1);
          } else if (isNaN(val)) {
            writeUint(0, buf, pos + off0);
            writeUint(2146959360, buf, pos + off1);
          } else if (val > 17976931348623157e292) {
            writeUint(0, buf, pos + off0);
            writeUint((sign << 31 | 2146435072) >>> 0, buf, pos + off1);
          } else {
            var mantissa;
            if (val < 22250738585072014e-324) {
              mantissa = val / 5e-324;
              writeUint(mantissa >>> 0, buf, pos + off0);
              writeUint((sign << 31 | mantissa / 4294967296) >>> 0, buf, pos + off1);
            } else {
              var exponent = Math.floor(Math.log(val) / Math.LN2);
              if (exponent === 1024)
                exponent = 1023;
              mantissa = val * Math.pow(2, -exponent);
              writeUint(mantissa * 4503599627370496 >>> 0, buf, pos + off0);
              writeUint((sign << 31 | exponent + 1023 << 20 | mantissa * 1048576 & 1048575) >>> 0, buf, pos + off1);
            }
          }
        }
        exports2.writeDoubleLE = writeDouble_ieee754.bind(null, writeUintLE, 0, 4);
        exports2.writeDoubleBE = writeDouble_ieee754.bind(null, writeUintBE, 4, 0);
        function readDouble_ieee754(readUint, off0, off1, buf, pos) {
          var lo = readUint(buf, pos + off0), hi = readUint(buf, pos + off1);
          var sign = (hi >> 31) * 2 + 1, exponent = hi >>> 20 & 2047, mantissa = 4294967296 * (hi & 1048575) + lo;
          return exponent === 2047 ? mantissa ? NaN : sign * Infinity : exponent === 0 ? sign * 5e-324 * mantissa : sign * Math.pow(2, exponent - 1075) * (mantissa + 4503599627370496);
        }
        exports2.readDoubleLE = readDouble_ieee754.bind(null, readUintLE, 0, 4);
        exports2.readDoubleBE = readDouble_ieee754.bind(null, readUintBE, 4, 0);
      })();
      return exports2;
    }
    function writeUintLE(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    function writeUintBE(val, buf, pos) {
      buf[pos] = val >>> 24;
      buf[pos + 1] = val >>> 16 & 255;
      buf[pos + 2] = val >>> 8 & 255;
      buf[pos + 3] = val & 255;
    }
    function readUintLE(buf, pos) {
      return (buf[pos] | buf[pos + 1] << 8 | buf[pos + 2] << 16 | buf[pos + 3] << 24) >>> 0;
    }
    function readUintBE(buf, pos) {
      return (buf[pos] << 24 | buf[pos + 1] << 16 | buf[pos + 2] << 8 | buf[pos + 3]) >>> 0;
    }
  }
});

// node_modules/protobufjs/src/util/utf8.js
var require_utf8 = __commonJS({
  "node_modules/protobufjs/src/util/utf8.js"(exports) {
    "use strict";
    var utf82 = exports;
    var looseDecoder = new TextDecoder("utf-8", { ignoreBOM: true });
    var strictDecoder;
    var TEXT_DECODER_MIN_LENGTH = 64;
    try {
      strictDecoder = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });
    } catch (err2) {
      strictDecoder = looseDecoder;
    }
    utf82.length = function utf8_length(string) {
      var len = 0, c = 0;
      for (var i = 0; i < string.length; ++i) {
        c = string.charCodeAt(i);
        if (c < 128)
          len += 1;
        else if (c < 2048)
          len += 2;
        else if ((c & 64512) === 55296 && (string.charCodeAt(i + 1) & 64512) === 56320) {
          ++i;
          len += 4;
        } else
          len += 3;
      }
      return len;
    };
    function utf8_read_decoder(decoder, buffer, start, end) {
      var source = start === 0 && end === buffer.length ? buffer : buffer.subarray(start, end);
      return decoder.decode(source);
    }
    utf82.read = function utf8_read_loose(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(looseDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(looseDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.readStrict = function utf8_read_strict(buffer, start, end) {
      if (end - start < 1)
        return "";
      if (end - start >= TEXT_DECODER_MIN_LENGTH)
        return utf8_read_decoder(strictDecoder, buffer, start, end);
      var str = "", i = start, c1, c2, c3, c4, c5, c6, c7, c8;
      for (; i + 7 < end; i += 8) {
        c1 = buffer[i];
        c2 = buffer[i + 1];
        c3 = buffer[i + 2];
        c4 = buffer[i + 3];
        c5 = buffer[i + 4];
        c6 = buffer[i + 5];
        c7 = buffer[i + 6];
        c8 = buffer[i + 7];
        if ((c1 | c2 | c3 | c4 | c5 | c6 | c7 | c8) & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1, c2, c3, c4, c5, c6, c7, c8);
      }
      for (; i < end; ++i) {
        c1 = buffer[i];
        if (c1 & 128)
          return str + utf8_read_decoder(strictDecoder, buffer, i, end);
        str += String.fromCharCode(c1);
      }
      return str;
    };
    utf82.write = function utf8_write(string, buffer, offset) {
      var start = offset, c1, c2;
      for (var i = 0; i < string.length; ++i) {
        c1 = string.charCodeAt(i);
        if (c1 < 128) {
          buffer[offset++] = c1;
        } else if (c1 < 2048) {
          buffer[offset++] = c1 >> 6 | 192;
          buffer[offset++] = c1 & 63 | 128;
        } else if ((c1 & 64512) === 55296 && ((c2 = string.charCodeAt(i + 1)) & 64512) === 56320) {
          c1 = 65536 + ((c1 & 1023) << 10) + (c2 & 1023);
          ++i;
          buffer[offset++] = c1 >> 18 | 240;
          buffer[offset++] = c1 >> 12 & 63 | 128;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        } else {
          buffer[offset++] = c1 >> 12 | 224;
          buffer[offset++] = c1 >> 6 & 63 | 128;
          buffer[offset++] = c1 & 63 | 128;
        }
      }
      return offset - start;
    };
  }
});

// node_modules/protobufjs/src/util/pool.js
var require_pool = __commonJS({
  "node_modules/protobufjs/src/util/pool.js"(exports, module) {
    "use strict";
    module.exports = pool;
    function pool(alloc, slice, size) {
      var SIZE = size || 8192;
      var MAX = SIZE >>> 1;
      var slab = null;
      var offset = SIZE;
      return function pool_alloc(size2) {
        if (size2 < 1 || size2 > MAX)
          return alloc(size2);
        if (offset + size2 > SIZE) {
          slab = alloc(SIZE);
          offset = 0;
        }
        var buf = slice.call(slab, offset, offset += size2);
        if (offset & 7)
          offset = (offset | 7) + 1;
        return buf;
      };
    }
  }
});

// node_modules/protobufjs/src/util/longbits.js
var require_longbits = __commonJS({
  "node_modules/protobufjs/src/util/longbits.js"(exports, module) {
    "use strict";
    module.exports = LongBits;
    var Long;
    function LongBits(lo, hi) {
      this.lo = lo >>> 0;
      this.hi = hi >>> 0;
    }
    var zero = LongBits.zero = new LongBits(0, 0);
    zero.toNumber = function() {
      return 0;
    };
    zero.zzEncode = zero.zzDecode = function() {
      return this;
    };
    zero.length = function() {
      return 1;
    };
    var zeroHash = LongBits.zeroHash = "\0\0\0\0\0\0\0\0";
    LongBits.fromNumber = function fromNumber(value) {
      if (value === 0)
        return zero;
      var sign = value < 0;
      if (sign)
        value = -value;
      var lo = value >>> 0, hi = (value - lo) / 4294967296 >>> 0;
      if (sign) {
        hi = ~hi >>> 0;
        lo = ~lo >>> 0;
        if (++lo > 4294967295) {
          lo = 0;
          if (++hi > 4294967295)
            hi = 0;
        }
      }
      return new LongBits(lo, hi);
    };
    LongBits.from = function from(value) {
      if (typeof value === "number")
        return LongBits.fromNumber(value);
      if (typeof value === "string" || value instanceof String) {
        if (Long)
          value = Long.fromString(value);
        else
          return LongBits.fromNumber(parseInt(value, 10));
      }
      return value.low || value.high ? new LongBits(value.low >>> 0, value.high >>> 0) : zero;
    };
    LongBits.prototype.toNumber = function toNumber(unsigned) {
      if (!unsigned && this.hi >>> 31) {
        var lo = ~this.lo + 1 >>> 0, hi = ~this.hi >>> 0;
        if (!lo)
          hi = hi + 1 >>> 0;
        return -(lo + hi * 4294967296);
      }
      return this.lo + this.hi * 4294967296;
    };
    LongBits.prototype.toLong = function toLong(unsigned) {
      return Long ? new Long(this.lo | 0, this.hi | 0, Boolean(unsigned)) : { low: this.lo | 0, high: this.hi | 0, unsigned: Boolean(unsigned) };
    };
    var charCodeAt = String.prototype.charCodeAt;
    LongBits.fromHash = function fromHash(hash) {
      if (hash === zeroHash)
        return zero;
      return new LongBits(
        (charCodeAt.call(hash, 0) | charCodeAt.call(hash, 1) << 8 | charCodeAt.call(hash, 2) << 16 | charCodeAt.call(hash, 3) << 24) >>> 0,
        (charCodeAt.call(hash, 4) | charCodeAt.call(hash, 5) << 8 | charCodeAt.call(hash, 6) << 16 | charCodeAt.call(hash, 7) << 24) >>> 0
      );
    };
    LongBits.prototype.toHash = function toHash() {
      return String.fromCharCode(
        this.lo & 255,
        this.lo >>> 8 & 255,
        this.lo >>> 16 & 255,
        this.lo >>> 24,
        this.hi & 255,
        this.hi >>> 8 & 255,
        this.hi >>> 16 & 255,
        this.hi >>> 24
      );
    };
    LongBits.prototype.zzEncode = function zzEncode() {
      var mask = this.hi >> 31;
      this.hi = ((this.hi << 1 | this.lo >>> 31) ^ mask) >>> 0;
      this.lo = (this.lo << 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.zzDecode = function zzDecode() {
      var mask = -(this.lo & 1);
      this.lo = ((this.lo >>> 1 | this.hi << 31) ^ mask) >>> 0;
      this.hi = (this.hi >>> 1 ^ mask) >>> 0;
      return this;
    };
    LongBits.prototype.length = function length() {
      var part0 = this.lo, part1 = (this.lo >>> 28 | this.hi << 4) >>> 0, part2 = this.hi >>> 24;
      return part2 === 0 ? part1 === 0 ? part0 < 16384 ? part0 < 128 ? 1 : 2 : part0 < 2097152 ? 3 : 4 : part1 < 16384 ? part1 < 128 ? 5 : 6 : part1 < 2097152 ? 7 : 8 : part2 < 128 ? 9 : 10;
    };
    LongBits._configure = function(Long_) {
      Long = Long_;
    };
  }
});

// node_modules/long/umd/index.js
var require_umd = __commonJS({
  "node_modules/long/umd/index.js"(exports, module) {
    (function(global2, factory) {
      function preferDefault(exports2) {
        return exports2.default || exports2;
      }
      if (typeof define === "function" && define.amd) {
        define([], function() {
          var exports2 = {};
          factory(exports2);
          return preferDefault(exports2);
        });
      } else if (typeof exports === "object") {
        factory(exports);
        if (typeof module === "object") module.exports = preferDefault(exports);
      } else {
        (function() {
          var exports2 = {};
          factory(exports2);
          global2.Long = preferDefault(exports2);
        })();
      }
    })(
      typeof globalThis !== "undefined" ? globalThis : typeof self !== "undefined" ? self : exports,
      function(_exports) {
        "use strict";
        Object.defineProperty(_exports, "__esModule", {
          value: true
        });
        _exports.default = void 0;
        var wasm = null;
        try {
          wasm = new WebAssembly.Instance(
            new WebAssembly.Module(
              new Uint8Array([
                // \0asm
                0,
                97,
                115,
                109,
                // version 1
                1,
                0,
                0,
                0,
                // section "type"
                1,
                13,
                2,
                // 0, () => i32
                96,
                0,
                1,
                127,
                // 1, (i32, i32, i32, i32) => i32
                96,
                4,
                127,
                127,
                127,
                127,
                1,
                127,
                // section "function"
                3,
                7,
                6,
                // 0, type 0
                0,
                // 1, type 1
                1,
                // 2, type 1
                1,
                // 3, type 1
                1,
                // 4, type 1
                1,
                // 5, type 1
                1,
                // section "global"
                6,
                6,
                1,
                // 0, "high", mutable i32
                127,
                1,
                65,
                0,
                11,
                // section "export"
                7,
                50,
                6,
                // 0, "mul"
                3,
                109,
                117,
                108,
                0,
                1,
                // 1, "div_s"
                5,
                100,
                105,
                118,
                95,
                115,
                0,
                2,
                // 2, "div_u"
                5,
                100,
                105,
                118,
                95,
                117,
                0,
                3,
                // 3, "rem_s"
                5,
                114,
                101,
                109,
                95,
                115,
                0,
                4,
                // 4, "rem_u"
                5,
                114,
                101,
                109,
                95,
                117,
                0,
                5,
                // 5, "get_high"
                8,
                103,
                101,
                116,
                95,
                104,
                105,
                103,
                104,
                0,
                0,
                // section "code"
                10,
                191,
                1,
                6,
                // 0, "get_high"
                4,
                0,
                35,
                0,
                11,
                // 1, "mul"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                126,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 2, "div_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                127,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 3, "div_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                128,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 4, "rem_s"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                129,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11,
                // 5, "rem_u"
                36,
                1,
                1,
                126,
                32,
                0,
                173,
                32,
                1,
                173,
                66,
                32,
                134,
                132,
                32,
                2,
                173,
                32,
                3,
                173,
                66,
                32,
                134,
                132,
                130,
                34,
                4,
                66,
                32,
                135,
                167,
                36,
                0,
                32,
                4,
                167,
                11
              ])
            ),
            {}
          ).exports;
        } catch {
        }
        function Long(low, high, unsigned) {
          this.low = low | 0;
          this.high = high | 0;
          this.unsigned = !!unsigned;
        }
        Long.prototype.__isLong__;
        Object.defineProperty(Long.prototype, "__isLong__", {
          value: true
        });
        function isLong(obj) {
          return (obj && obj["__isLong__"]) === true;
        }
        function ctz32(value) {
          var c = Math.clz32(value & -value);
          return value ? 31 - c : c;
        }
        Long.isLong = isLong;
        var INT_CACHE = {};
        var UINT_CACHE = {};
        function fromInt(value, unsigned) {
          var obj, cachedObj, cache;
          if (unsigned) {
            value >>>= 0;
            if (cache = 0 <= value && value < 256) {
              cachedObj = UINT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, 0, true);
            if (cache) UINT_CACHE[value] = obj;
            return obj;
          } else {
            value |= 0;
            if (cache = -128 <= value && value < 128) {
              cachedObj = INT_CACHE[value];
              if (cachedObj) return cachedObj;
            }
            obj = fromBits(value, value < 0 ? -1 : 0, false);
            if (cache) INT_CACHE[value] = obj;
            return obj;
          }
        }
        Long.fromInt = fromInt;
        function fromNumber(value, unsigned) {
          if (isNaN(value)) return unsigned ? UZERO : ZERO;
          if (unsigned) {
            if (value < 0) return UZERO;
            if (value >= TWO_PWR_64_DBL) return MAX_UNSIGNED_VALUE;
          } else {
            if (value <= -TWO_PWR_63_DBL) return MIN_VALUE;
            if (value + 1 >= TWO_PWR_63_DBL) return MAX_VALUE;
          }
          if (value < 0) return fromNumber(-value, unsigned).neg();
          return fromBits(
            value % TWO_PWR_32_DBL | 0,
            value / TWO_PWR_32_DBL | 0,
            unsigned
          );
        }
        Long.fromNumber = fromNumber;
        function fromBits(lowBits, highBits, unsigned) {
          return new Long(lowBits, highBits, unsigned);
        }
        Long.fromBits = fromBits;
        var pow_dbl = Math.pow;
        function fromString(str, unsigned, radix) {
          if (str.length === 0) throw Error("empty string");
          if (typeof unsigned === "number") {
            radix = unsigned;
            unsigned = false;
          } else {
            unsigned = !!unsigned;
          }
          if (str === "NaN" || str === "Infinity" || str === "+Infinity" || str === "-Infinity")
            return unsigned ? UZERO : ZERO;
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          var p;
          if ((p = str.indexOf("-")) > 0) throw Error("interior hyphen");
          else if (p === 0) {
            return fromString(str.substring(1), unsigned, radix).neg();
          }
          var radixToPower = fromNumber(pow_dbl(radix, 8));
          var result = ZERO;
          for (var i = 0; i < str.length; i += 8) {
            var size = Math.min(8, str.length - i), value = parseInt(str.substring(i, i + size), radix);
            if (size < 8) {
              var power = fromNumber(pow_dbl(radix, size));
              result = result.mul(power).add(fromNumber(value));
            } else {
              result = result.mul(radixToPower);
              result = result.add(fromNumber(value));
            }
          }
          result.unsigned = unsigned;
          return result;
        }
        Long.fromString = fromString;
        function fromValue(val, unsigned) {
          if (typeof val === "number") return fromNumber(val, unsigned);
          if (typeof val === "string") return fromString(val, unsigned);
          return fromBits(
            val.low,
            val.high,
            typeof unsigned === "boolean" ? unsigned : val.unsigned
          );
        }
        Long.fromValue = fromValue;
        var TWO_PWR_16_DBL = 1 << 16;
        var TWO_PWR_24_DBL = 1 << 24;
        var TWO_PWR_32_DBL = TWO_PWR_16_DBL * TWO_PWR_16_DBL;
        var TWO_PWR_64_DBL = TWO_PWR_32_DBL * TWO_PWR_32_DBL;
        var TWO_PWR_63_DBL = TWO_PWR_64_DBL / 2;
        var TWO_PWR_24 = fromInt(TWO_PWR_24_DBL);
        var ZERO = fromInt(0);
        Long.ZERO = ZERO;
        var UZERO = fromInt(0, true);
        Long.UZERO = UZERO;
        var ONE = fromInt(1);
        Long.ONE = ONE;
        var UONE = fromInt(1, true);
        Long.UONE = UONE;
        var NEG_ONE = fromInt(-1);
        Long.NEG_ONE = NEG_ONE;
        var MAX_VALUE = fromBits(4294967295 | 0, 2147483647 | 0, false);
        Long.MAX_VALUE = MAX_VALUE;
        var MAX_UNSIGNED_VALUE = fromBits(4294967295 | 0, 4294967295 | 0, true);
        Long.MAX_UNSIGNED_VALUE = MAX_UNSIGNED_VALUE;
        var MIN_VALUE = fromBits(0, 2147483648 | 0, false);
        Long.MIN_VALUE = MIN_VALUE;
        var LongPrototype = Long.prototype;
        LongPrototype.toInt = function toInt() {
          return this.unsigned ? this.low >>> 0 : this.low;
        };
        LongPrototype.toNumber = function toNumber() {
          if (this.unsigned)
            return (this.high >>> 0) * TWO_PWR_32_DBL + (this.low >>> 0);
          return this.high * TWO_PWR_32_DBL + (this.low >>> 0);
        };
        LongPrototype.toString = function toString(radix) {
          radix = radix || 10;
          if (radix < 2 || 36 < radix) throw RangeError("radix");
          if (this.isZero()) return "0";
          if (this.isNegative()) {
            if (this.eq(MIN_VALUE)) {
              var radixLong = fromNumber(radix), div = this.div(radixLong), rem1 = div.mul(radixLong).sub(this);
              return div.toString(radix) + rem1.toInt().toString(radix);
            } else return "-" + this.neg().toString(radix);
          }
          var radixToPower = fromNumber(pow_dbl(radix, 6), this.unsigned), rem = this;
          var result = "";
          while (true) {
            var remDiv = rem.div(radixToPower), intval = rem.sub(remDiv.mul(radixToPower)).toInt() >>> 0, digits = intval.toString(radix);
            rem = remDiv;
            if (rem.isZero()) return digits + result;
            else {
              while (digits.length < 6) digits = "0" + digits;
              result = "" + digits + result;
            }
          }
        };
        LongPrototype.getHighBits = function getHighBits() {
          return this.high;
        };
        LongPrototype.getHighBitsUnsigned = function getHighBitsUnsigned() {
          return this.high >>> 0;
        };
        LongPrototype.getLowBits = function getLowBits() {
          return this.low;
        };
        LongPrototype.getLowBitsUnsigned = function getLowBitsUnsigned() {
          return this.low >>> 0;
        };
        LongPrototype.getNumBitsAbs = function getNumBitsAbs() {
          if (this.isNegative())
            return this.eq(MIN_VALUE) ? 64 : this.neg().getNumBitsAbs();
          var val = this.high != 0 ? this.high : this.low;
          for (var bit = 31; bit > 0; bit--) if ((val & 1 << bit) != 0) break;
          return this.high != 0 ? bit + 33 : bit + 1;
        };
        LongPrototype.isSafeInteger = function isSafeInteger() {
          var top11Bits = this.high >> 21;
          if (!top11Bits) return true;
          if (this.unsigned) return false;
          return top11Bits === -1 && !(this.low === 0 && this.high === -2097152);
        };
        LongPrototype.isZero = function isZero() {
          return this.high === 0 && this.low === 0;
        };
        LongPrototype.eqz = LongPrototype.isZero;
        LongPrototype.isNegative = function isNegative() {
          return !this.unsigned && this.high < 0;
        };
        LongPrototype.isPositive = function isPositive() {
          return this.unsigned || this.high >= 0;
        };
        LongPrototype.isOdd = function isOdd() {
          return (this.low & 1) === 1;
        };
        LongPrototype.isEven = function isEven() {
          return (this.low & 1) === 0;
        };
        LongPrototype.equals = function equals(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.unsigned !== other.unsigned && this.high >>> 31 === 1 && other.high >>> 31 === 1)
            return false;
          return this.high === other.high && this.low === other.low;
        };
        LongPrototype.eq = LongPrototype.equals;
        LongPrototype.notEquals = function notEquals(other) {
          return !this.eq(
            /* validates */
            other
          );
        };
        LongPrototype.neq = LongPrototype.notEquals;
        LongPrototype.ne = LongPrototype.notEquals;
        LongPrototype.lessThan = function lessThan(other) {
          return this.comp(
            /* validates */
            other
          ) < 0;
        };
        LongPrototype.lt = LongPrototype.lessThan;
        LongPrototype.lessThanOrEqual = function lessThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) <= 0;
        };
        LongPrototype.lte = LongPrototype.lessThanOrEqual;
        LongPrototype.le = LongPrototype.lessThanOrEqual;
        LongPrototype.greaterThan = function greaterThan(other) {
          return this.comp(
            /* validates */
            other
          ) > 0;
        };
        LongPrototype.gt = LongPrototype.greaterThan;
        LongPrototype.greaterThanOrEqual = function greaterThanOrEqual(other) {
          return this.comp(
            /* validates */
            other
          ) >= 0;
        };
        LongPrototype.gte = LongPrototype.greaterThanOrEqual;
        LongPrototype.ge = LongPrototype.greaterThanOrEqual;
        LongPrototype.compare = function compare(other) {
          if (!isLong(other)) other = fromValue(other);
          if (this.eq(other)) return 0;
          var thisNeg = this.isNegative(), otherNeg = other.isNegative();
          if (thisNeg && !otherNeg) return -1;
          if (!thisNeg && otherNeg) return 1;
          if (!this.unsigned) return this.sub(other).isNegative() ? -1 : 1;
          return other.high >>> 0 > this.high >>> 0 || other.high === this.high && other.low >>> 0 > this.low >>> 0 ? -1 : 1;
        };
        LongPrototype.comp = LongPrototype.compare;
        LongPrototype.negate = function negate() {
          if (!this.unsigned && this.eq(MIN_VALUE)) return MIN_VALUE;
          return this.not().add(ONE);
        };
        LongPrototype.neg = LongPrototype.negate;
        LongPrototype.add = function add(addend) {
          if (!isLong(addend)) addend = fromValue(addend);
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = addend.high >>> 16;
          var b32 = addend.high & 65535;
          var b16 = addend.low >>> 16;
          var b00 = addend.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 + b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 + b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 + b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 + b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.subtract = function subtract(subtrahend) {
          if (!isLong(subtrahend)) subtrahend = fromValue(subtrahend);
          return this.add(subtrahend.neg());
        };
        LongPrototype.sub = LongPrototype.subtract;
        LongPrototype.multiply = function multiply(multiplier) {
          if (this.isZero()) return this;
          if (!isLong(multiplier)) multiplier = fromValue(multiplier);
          if (wasm) {
            var low = wasm["mul"](
              this.low,
              this.high,
              multiplier.low,
              multiplier.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (multiplier.isZero()) return this.unsigned ? UZERO : ZERO;
          if (this.eq(MIN_VALUE)) return multiplier.isOdd() ? MIN_VALUE : ZERO;
          if (multiplier.eq(MIN_VALUE)) return this.isOdd() ? MIN_VALUE : ZERO;
          if (this.isNegative()) {
            if (multiplier.isNegative()) return this.neg().mul(multiplier.neg());
            else return this.neg().mul(multiplier).neg();
          } else if (multiplier.isNegative())
            return this.mul(multiplier.neg()).neg();
          if (this.lt(TWO_PWR_24) && multiplier.lt(TWO_PWR_24))
            return fromNumber(
              this.toNumber() * multiplier.toNumber(),
              this.unsigned
            );
          var a48 = this.high >>> 16;
          var a32 = this.high & 65535;
          var a16 = this.low >>> 16;
          var a00 = this.low & 65535;
          var b48 = multiplier.high >>> 16;
          var b32 = multiplier.high & 65535;
          var b16 = multiplier.low >>> 16;
          var b00 = multiplier.low & 65535;
          var c48 = 0, c32 = 0, c16 = 0, c00 = 0;
          c00 += a00 * b00;
          c16 += c00 >>> 16;
          c00 &= 65535;
          c16 += a16 * b00;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c16 += a00 * b16;
          c32 += c16 >>> 16;
          c16 &= 65535;
          c32 += a32 * b00;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a16 * b16;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c32 += a00 * b32;
          c48 += c32 >>> 16;
          c32 &= 65535;
          c48 += a48 * b00 + a32 * b16 + a16 * b32 + a00 * b48;
          c48 &= 65535;
          return fromBits(c16 << 16 | c00, c48 << 16 | c32, this.unsigned);
        };
        LongPrototype.mul = LongPrototype.multiply;
        LongPrototype.divide = function divide(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (divisor.isZero()) throw Error("division by zero");
          if (wasm) {
            if (!this.unsigned && this.high === -2147483648 && divisor.low === -1 && divisor.high === -1) {
              return this;
            }
            var low = (this.unsigned ? wasm["div_u"] : wasm["div_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          if (this.isZero()) return this.unsigned ? UZERO : ZERO;
          var approx, rem, res;
          if (!this.unsigned) {
            if (this.eq(MIN_VALUE)) {
              if (divisor.eq(ONE) || divisor.eq(NEG_ONE))
                return MIN_VALUE;
              else if (divisor.eq(MIN_VALUE)) return ONE;
              else {
                var halfThis = this.shr(1);
                approx = halfThis.div(divisor).shl(1);
                if (approx.eq(ZERO)) {
                  return divisor.isNegative() ? ONE : NEG_ONE;
                } else {
                  rem = this.sub(divisor.mul(approx));
                  res = approx.add(rem.div(divisor));
                  return res;
                }
              }
            } else if (divisor.eq(MIN_VALUE)) return this.unsigned ? UZERO : ZERO;
            if (this.isNegative()) {
              if (divisor.isNegative()) return this.neg().div(divisor.neg());
              return this.neg().div(divisor).neg();
            } else if (divisor.isNegative()) return this.div(divisor.neg()).neg();
            res = ZERO;
          } else {
            if (!divisor.unsigned) divisor = divisor.toUnsigned();
            if (divisor.gt(this)) return UZERO;
            if (divisor.gt(this.shru(1)))
              return UONE;
            res = UZERO;
          }
          rem = this;
          while (rem.gte(divisor)) {
            approx = Math.max(1, Math.floor(rem.toNumber() / divisor.toNumber()));
            var log2 = Math.ceil(Math.log(approx) / Math.LN2), delta = log2 <= 48 ? 1 : pow_dbl(2, log2 - 48), approxRes = fromNumber(approx), approxRem = approxRes.mul(divisor);
            while (approxRem.isNegative() || approxRem.gt(rem)) {
              approx -= delta;
              approxRes = fromNumber(approx, this.unsigned);
              approxRem = approxRes.mul(divisor);
            }
            if (approxRes.isZero()) approxRes = ONE;
            res = res.add(approxRes);
            rem = rem.sub(approxRem);
          }
          return res;
        };
        LongPrototype.div = LongPrototype.divide;
        LongPrototype.modulo = function modulo(divisor) {
          if (!isLong(divisor)) divisor = fromValue(divisor);
          if (wasm) {
            var low = (this.unsigned ? wasm["rem_u"] : wasm["rem_s"])(
              this.low,
              this.high,
              divisor.low,
              divisor.high
            );
            return fromBits(low, wasm["get_high"](), this.unsigned);
          }
          return this.sub(this.div(divisor).mul(divisor));
        };
        LongPrototype.mod = LongPrototype.modulo;
        LongPrototype.rem = LongPrototype.modulo;
        LongPrototype.not = function not() {
          return fromBits(~this.low, ~this.high, this.unsigned);
        };
        LongPrototype.countLeadingZeros = function countLeadingZeros() {
          return this.high ? Math.clz32(this.high) : Math.clz32(this.low) + 32;
        };
        LongPrototype.clz = LongPrototype.countLeadingZeros;
        LongPrototype.countTrailingZeros = function countTrailingZeros() {
          return this.low ? ctz32(this.low) : ctz32(this.high) + 32;
        };
        LongPrototype.ctz = LongPrototype.countTrailingZeros;
        LongPrototype.and = function and(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low & other.low,
            this.high & other.high,
            this.unsigned
          );
        };
        LongPrototype.or = function or(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low | other.low,
            this.high | other.high,
            this.unsigned
          );
        };
        LongPrototype.xor = function xor(other) {
          if (!isLong(other)) other = fromValue(other);
          return fromBits(
            this.low ^ other.low,
            this.high ^ other.high,
            this.unsigned
          );
        };
        LongPrototype.shiftLeft = function shiftLeft(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low << numBits,
              this.high << numBits | this.low >>> 32 - numBits,
              this.unsigned
            );
          else return fromBits(0, this.low << numBits - 32, this.unsigned);
        };
        LongPrototype.shl = LongPrototype.shiftLeft;
        LongPrototype.shiftRight = function shiftRight(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          else if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >> numBits,
              this.unsigned
            );
          else
            return fromBits(
              this.high >> numBits - 32,
              this.high >= 0 ? 0 : -1,
              this.unsigned
            );
        };
        LongPrototype.shr = LongPrototype.shiftRight;
        LongPrototype.shiftRightUnsigned = function shiftRightUnsigned(numBits) {
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits < 32)
            return fromBits(
              this.low >>> numBits | this.high << 32 - numBits,
              this.high >>> numBits,
              this.unsigned
            );
          if (numBits === 32) return fromBits(this.high, 0, this.unsigned);
          return fromBits(this.high >>> numBits - 32, 0, this.unsigned);
        };
        LongPrototype.shru = LongPrototype.shiftRightUnsigned;
        LongPrototype.shr_u = LongPrototype.shiftRightUnsigned;
        LongPrototype.rotateLeft = function rotateLeft(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.low << numBits | this.high >>> b,
              this.high << numBits | this.low >>> b,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.high << numBits | this.low >>> b,
            this.low << numBits | this.high >>> b,
            this.unsigned
          );
        };
        LongPrototype.rotl = LongPrototype.rotateLeft;
        LongPrototype.rotateRight = function rotateRight(numBits) {
          var b;
          if (isLong(numBits)) numBits = numBits.toInt();
          if ((numBits &= 63) === 0) return this;
          if (numBits === 32) return fromBits(this.high, this.low, this.unsigned);
          if (numBits < 32) {
            b = 32 - numBits;
            return fromBits(
              this.high << b | this.low >>> numBits,
              this.low << b | this.high >>> numBits,
              this.unsigned
            );
          }
          numBits -= 32;
          b = 32 - numBits;
          return fromBits(
            this.low << b | this.high >>> numBits,
            this.high << b | this.low >>> numBits,
            this.unsigned
          );
        };
        LongPrototype.rotr = LongPrototype.rotateRight;
        LongPrototype.toSigned = function toSigned() {
          if (!this.unsigned) return this;
          return fromBits(this.low, this.high, false);
        };
        LongPrototype.toUnsigned = function toUnsigned() {
          if (this.unsigned) return this;
          return fromBits(this.low, this.high, true);
        };
        LongPrototype.toBytes = function toBytes(le) {
          return le ? this.toBytesLE() : this.toBytesBE();
        };
        LongPrototype.toBytesLE = function toBytesLE() {
          var hi = this.high, lo = this.low;
          return [
            lo & 255,
            lo >>> 8 & 255,
            lo >>> 16 & 255,
            lo >>> 24,
            hi & 255,
            hi >>> 8 & 255,
            hi >>> 16 & 255,
            hi >>> 24
          ];
        };
        LongPrototype.toBytesBE = function toBytesBE() {
          var hi = this.high, lo = this.low;
          return [
            hi >>> 24,
            hi >>> 16 & 255,
            hi >>> 8 & 255,
            hi & 255,
            lo >>> 24,
            lo >>> 16 & 255,
            lo >>> 8 & 255,
            lo & 255
          ];
        };
        Long.fromBytes = function fromBytes(bytes, unsigned, le) {
          return le ? Long.fromBytesLE(bytes, unsigned) : Long.fromBytesBE(bytes, unsigned);
        };
        Long.fromBytesLE = function fromBytesLE(bytes, unsigned) {
          return new Long(
            bytes[0] | bytes[1] << 8 | bytes[2] << 16 | bytes[3] << 24,
            bytes[4] | bytes[5] << 8 | bytes[6] << 16 | bytes[7] << 24,
            unsigned
          );
        };
        Long.fromBytesBE = function fromBytesBE(bytes, unsigned) {
          return new Long(
            bytes[4] << 24 | bytes[5] << 16 | bytes[6] << 8 | bytes[7],
            bytes[0] << 24 | bytes[1] << 16 | bytes[2] << 8 | bytes[3],
            unsigned
          );
        };
        if (typeof BigInt === "function") {
          Long.fromBigInt = function fromBigInt(value, unsigned) {
            var lowBits = Number(BigInt.asIntN(32, value));
            var highBits = Number(BigInt.asIntN(32, value >> BigInt(32)));
            return fromBits(lowBits, highBits, unsigned);
          };
          Long.fromValue = function fromValueWithBigInt(value, unsigned) {
            if (typeof value === "bigint") return Long.fromBigInt(value, unsigned);
            return fromValue(value, unsigned);
          };
          LongPrototype.toBigInt = function toBigInt() {
            var lowBigInt = BigInt(this.low >>> 0);
            var highBigInt = BigInt(this.unsigned ? this.high >>> 0 : this.high);
            return highBigInt << BigInt(32) | lowBigInt;
          };
        }
        var _default = _exports.default = Long;
      }
    );
  }
});

// node_modules/protobufjs/src/util/minimal.js
var require_minimal = __commonJS({
  "node_modules/protobufjs/src/util/minimal.js"(exports) {
    "use strict";
    var util = exports;
    util.asPromise = require_aspromise();
    util.base64 = require_base64();
    util.EventEmitter = require_eventemitter();
    util.float = require_float();
    util.utf8 = require_utf8();
    util.pool = require_pool();
    util.LongBits = require_longbits();
    function isUnsafeProperty(key) {
      return key === "__proto__" || key === "prototype" || key === "constructor";
    }
    util.isUnsafeProperty = isUnsafeProperty;
    util.isNode = Boolean(typeof global !== "undefined" && global && global.process && global.process.versions && global.process.versions.node);
    util.global = util.isNode && global || typeof window !== "undefined" && window || typeof self !== "undefined" && self || typeof globalThis !== "undefined" && globalThis || exports;
    util.emptyArray = Object.freeze ? Object.freeze([]) : (
      /* istanbul ignore next */
      []
    );
    util.emptyObject = Object.freeze ? Object.freeze({}) : (
      /* istanbul ignore next */
      {}
    );
    util.isInteger = Number.isInteger || /* istanbul ignore next */
    function isInteger(value) {
      return typeof value === "number" && isFinite(value) && Math.floor(value) === value;
    };
    util.isString = function isString(value) {
      return typeof value === "string" || value instanceof String;
    };
    util.isObject = function isObject(value) {
      return value && typeof value === "object";
    };
    util.isset = /**
     * Checks if a property on a message is considered to be present.
     * @param {Object} obj Plain object or message instance
     * @param {string} prop Property name
     * @returns {boolean} `true` if considered to be present, otherwise `false`
     */
    util.isSet = function isSet(obj, prop) {
      var value = obj[prop];
      if (value != null && Object.hasOwnProperty.call(obj, prop))
        return typeof value !== "object" || (Array.isArray(value) ? value.length : Object.keys(value).length) > 0;
      return false;
    };
    util.Buffer = (function() {
      try {
        var Buffer2 = util.global.Buffer;
        return Buffer2.prototype.utf8Write || util.isNode ? Buffer2 : (
          /* istanbul ignore next */
          null
        );
      } catch (e) {
        return null;
      }
    })();
    util.newBuffer = function newBuffer(sizeOrArray) {
      var Buffer2 = util.Buffer;
      return typeof sizeOrArray === "number" ? Buffer2 ? Buffer2.allocUnsafe(sizeOrArray) : new Uint8Array(sizeOrArray) : Buffer2 ? Buffer2.from(sizeOrArray) : new Uint8Array(sizeOrArray);
    };
    util.rawField = function rawField(id, wireType, data) {
      var out = [], tag = id << 3 | wireType;
      tag >>>= 0;
      while (tag > 127) {
        out.push(tag & 127 | 128);
        tag >>>= 7;
      }
      out.push(tag);
      for (var i = 0; i < data.length; ++i)
        out.push(data[i]);
      return util.newBuffer(out);
    };
    util.Array = Uint8Array;
    util.Long = /* istanbul ignore next */
    util.global.dcodeIO && /* istanbul ignore next */
    util.global.dcodeIO.Long || /* istanbul ignore next */
    util.global.Long || (function() {
      try {
        var Long = require_umd();
        return Long && Long.isLong ? Long : null;
      } catch (e) {
        return null;
      }
    })();
    util.key2Re = /^(?:true|false|0|1)$/;
    util.key32Re = /^-?(?:0|[1-9][0-9]*)$/;
    util.key64Re = /^(?:[\x00-\xff]{8}|-?(?:0|[1-9][0-9]*))$/;
    util.longToHash = function longToHash(value) {
      return value ? util.LongBits.from(value).toHash() : util.LongBits.zeroHash;
    };
    util.longFromHash = function longFromHash(hash, unsigned) {
      var bits = util.LongBits.fromHash(hash);
      if (util.Long)
        return util.Long.fromBits(bits.lo, bits.hi, unsigned);
      return bits.toNumber(Boolean(unsigned));
    };
    util.longFromKey = function longFromKey(key, unsigned) {
      return util.key64Re.test(key) && !util.key32Re.test(key) ? util.longFromHash(key, unsigned) : key;
    };
    util.boolFromKey = function boolFromKey(key) {
      return key === "true" || key === "1";
    };
    function merge(dst) {
      var ifNotSet = typeof arguments[arguments.length - 1] === "boolean", limit = ifNotSet ? arguments.length - 1 : arguments.length;
      ifNotSet = ifNotSet && arguments[arguments.length - 1];
      for (var a = 1; a < limit; ++a) {
        var src = arguments[a];
        if (!src)
          continue;
        for (var keys = Object.keys(src), i = 0; i < keys.length; ++i)
          if (!isUnsafeProperty(keys[i]) && (!ifNotSet || !Object.prototype.hasOwnProperty.call(dst, keys[i]) || dst[keys[i]] === void 0))
            dst[keys[i]] = src[keys[i]];
      }
      return dst;
    }
    util.merge = merge;
    util.nestingLimit = 32;
    util.recursionLimit = 100;
    util.makeProp = function makeProp(obj, key, enumerable) {
      if (Object.prototype.hasOwnProperty.call(obj, key))
        return;
      Object.defineProperty(obj, key, {
        enumerable: enumerable === void 0 ? true : enumerable,
        configurable: true,
        writable: true
      });
    };
    util.lcFirst = function lcFirst(str) {
      return str.charAt(0).toLowerCase() + str.substring(1);
    };
    function newError(name) {
      function CustomError(message2, properties) {
        if (!(this instanceof CustomError))
          return new CustomError(message2, properties);
        Object.defineProperty(this, "message", { get: function() {
          return message2;
        } });
        if (Error.captureStackTrace)
          Error.captureStackTrace(this, CustomError);
        else
          Object.defineProperty(this, "stack", { value: new Error().stack || "" });
        if (properties)
          merge(this, properties);
      }
      CustomError.prototype = Object.create(Error.prototype, {
        constructor: {
          value: CustomError,
          writable: true,
          enumerable: false,
          configurable: true
        },
        name: {
          get: function get() {
            return name;
          },
          set: void 0,
          enumerable: false,
          // configurable: false would accurately preserve the behavior of
          // the original, but I'm guessing that was not intentional.
          // For an actual error subclass, this property would
          // be configurable.
          configurable: true
        },
        toString: {
          value: function value() {
            return this.name + ": " + this.message;
          },
          writable: true,
          enumerable: false,
          configurable: true
        }
      });
      return CustomError;
    }
    util.newError = newError;
    util.ProtocolError = newError("ProtocolError");
    util.oneOfGetter = function getOneOf(fieldNames) {
      var fieldMap = {};
      for (var i = 0; i < fieldNames.length; ++i)
        fieldMap[fieldNames[i]] = 1;
      return function() {
        for (var keys = Object.keys(this), i2 = keys.length - 1; i2 > -1; --i2)
          if (fieldMap[keys[i2]] === 1 && this[keys[i2]] !== void 0 && this[keys[i2]] !== null)
            return keys[i2];
      };
    };
    util.oneOfSetter = function setOneOf(fieldNames) {
      return function(name) {
        for (var i = 0; i < fieldNames.length; ++i)
          if (fieldNames[i] !== name)
            delete this[fieldNames[i]];
      };
    };
    util.toJSONOptions = {
      longs: String,
      enums: String,
      bytes: String,
      json: true
    };
  }
});

// node_modules/protobufjs/src/writer.js
var require_writer = __commonJS({
  "node_modules/protobufjs/src/writer.js"(exports, module) {
    "use strict";
    module.exports = Writer;
    var util = require_minimal();
    var BufferWriter;
    var LongBits = util.LongBits;
    var base64 = util.base64;
    var utf82 = util.utf8;
    function Writer() {
      this.pos = 0;
      this.buf = this.constructor.alloc(Writer.initialBufferSize);
      this.view = null;
      this.states = null;
    }
    Writer.initialBufferSize = 128;
    Object.defineProperty(Writer.prototype, "len", {
      configurable: true,
      enumerable: true,
      get: function get_len() {
        return this.pos;
      }
    });
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup() {
        return (Writer.create = function create_buffer() {
          return new BufferWriter();
        })();
      } : function create_array() {
        return new Writer();
      };
    };
    Writer.create = create();
    Writer.alloc = function alloc(size) {
      return new Uint8Array(size);
    };
    Writer.alloc = util.pool(Writer.alloc, Uint8Array.prototype.subarray);
    function sizeVarint32(value) {
      return value < 128 ? 1 : value < 16384 ? 2 : value < 2097152 ? 3 : value < 268435456 ? 4 : 5;
    }
    Writer.prototype._reserve = function _reserve(n) {
      var need = this.pos + n;
      if (need > this.buf.length) {
        var size = this.buf.length << 1;
        if (size < need)
          size = need;
        var buf = this.constructor.alloc(size);
        buf.set(this.buf.subarray(0, this.pos), 0);
        this.buf = buf;
        this.view = null;
      }
    };
    function writeStringAscii(val, buf, pos) {
      for (var i = 0; i < val.length; )
        buf[pos++] = val.charCodeAt(i++);
    }
    function writeVarint32(val, buf, pos) {
      while (val > 127) {
        buf[pos++] = val & 127 | 128;
        val >>>= 7;
      }
      buf[pos] = val;
      return pos + 1;
    }
    Writer.prototype.uint32 = function write_uint32(value) {
      value = value >>> 0;
      this._reserve(5);
      var pos = this.pos;
      this.pos = writeVarint32(value, this.buf, pos);
      return this;
    };
    Writer.prototype.int32 = function write_int32(value) {
      if ((value |= 0) < 0) {
        this._reserve(10);
        writeVarint64(LongBits.fromNumber(value), this.buf, this.pos);
        this.pos += 10;
        return this;
      }
      return this.uint32(value);
    };
    Writer.prototype.sint32 = function write_sint32(value) {
      return this.uint32((value << 1 ^ value >> 31) >>> 0);
    };
    function writeVarint64(val, buf, pos) {
      var lo = val.lo, hi = val.hi;
      while (hi) {
        buf[pos++] = lo & 127 | 128;
        lo = (lo >>> 7 | hi << 25) >>> 0;
        hi >>>= 7;
      }
      while (lo > 127) {
        buf[pos++] = lo & 127 | 128;
        lo = lo >>> 7;
      }
      buf[pos] = lo;
      return pos + 1;
    }
    Writer.prototype.uint64 = function write_uint64(value) {
      var bits = LongBits.from(value);
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.int64 = Writer.prototype.uint64;
    Writer.prototype.sint64 = function write_sint64(value) {
      var bits = LongBits.from(value).zzEncode();
      this._reserve(10);
      var pos = this.pos;
      this.pos = writeVarint64(bits, this.buf, pos);
      return this;
    };
    Writer.prototype.bool = function write_bool(value) {
      this._reserve(1);
      this.buf[this.pos++] = value ? 1 : 0;
      return this;
    };
    function writeFixed32(val, buf, pos) {
      buf[pos] = val & 255;
      buf[pos + 1] = val >>> 8 & 255;
      buf[pos + 2] = val >>> 16 & 255;
      buf[pos + 3] = val >>> 24;
    }
    Writer.prototype.fixed32 = function write_fixed32(value) {
      this._reserve(4);
      writeFixed32(value >>> 0, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.sfixed32 = Writer.prototype.fixed32;
    Writer.prototype.fixed64 = function write_fixed64(value) {
      var bits = LongBits.from(value);
      this._reserve(8);
      writeFixed32(bits.lo, this.buf, this.pos);
      writeFixed32(bits.hi, this.buf, this.pos + 4);
      this.pos += 8;
      return this;
    };
    Writer.prototype.sfixed64 = Writer.prototype.fixed64;
    Writer.prototype.float = function write_float(value) {
      this._reserve(4);
      util.float.writeFloatLE(value, this.buf, this.pos);
      this.pos += 4;
      return this;
    };
    Writer.prototype.double = function write_double(value) {
      this._reserve(8);
      util.float.writeDoubleLE(value, this.buf, this.pos);
      this.pos += 8;
      return this;
    };
    Writer.prototype.bytes = function write_bytes(value) {
      var len = value.length >>> 0;
      if (!len) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (util.isString(value)) {
        var buf = Writer.alloc(len = base64.length(value));
        base64.decode(value, buf, 0);
        value = buf;
      }
      this.uint32(len);
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.raw = function write_raw(value) {
      var len = value.length >>> 0;
      if (!len)
        return this;
      this._reserve(len);
      this.buf.set(value, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype._delim = function _delim(pos, len) {
      var n = sizeVarint32(len);
      if (n > 1)
        this.buf.copyWithin(pos + n, pos + 1, pos + 1 + len);
      writeVarint32(len, this.buf, pos);
      this.pos = pos + n + len;
      return this;
    };
    Writer.prototype.string = function write_string(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var lenPos = this.pos;
        return this._delim(lenPos, utf82.write(value, this.buf, lenPos + 1));
      }
      var len = utf82.length(value);
      this.uint32(len);
      this._reserve(len);
      if (len === value.length)
        writeStringAscii(value, this.buf, this.pos);
      else
        utf82.write(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    Writer.prototype.uint32s = function write_uint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, p = lenPos + 1;
      for (var i = 0; i < n; ++i)
        p = writeVarint32(value[i] >>> 0, buf, p);
      return this._delim(lenPos, p - lenPos - 1);
    };
    Writer.prototype.int32s = function write_int32s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1, val;
      for (var i = 0; i < n; ++i) {
        if ((val = value[i] | 0) < 0) {
          pos = writeVarint64(LongBits.fromNumber(val), buf, pos);
        } else {
          pos = writeVarint32(val, buf, pos);
        }
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.sint32s = function write_sint32s(value) {
      var n = value.length;
      this._reserve(n * 5 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i)
        pos = writeVarint32((value[i] << 1 ^ value[i] >> 31) >>> 0, buf, pos);
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.uint64s = function write_uint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.int64s = Writer.prototype.uint64s;
    Writer.prototype.sint64s = function write_sint64s(value) {
      var n = value.length;
      this._reserve(n * 10 + 5);
      var buf = this.buf, lenPos = this.pos, pos = lenPos + 1;
      for (var i = 0; i < n; ++i) {
        pos = writeVarint64(LongBits.from(value[i]).zzEncode(), buf, pos);
      }
      return this._delim(lenPos, pos - lenPos - 1);
    };
    Writer.prototype.bools = function write_bools(value) {
      var n = value.length;
      this.uint32(n);
      this._reserve(n);
      var buf = this.buf, p = this.pos;
      for (var i = 0; i < n; ++i)
        buf[p++] = value[i] ? 1 : 0;
      this.pos += n;
      return this;
    };
    var VIEW_THRESHOLD_FLOAT = 16;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(writer, count, threshold) {
      var view = writer.view;
      if (view || count < threshold)
        return view;
      var buf = writer.buf;
      return writer.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Writer.prototype.fixed32s = function write_fixed32s(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setUint32(p, value[i] >>> 0, true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          writeFixed32(value[i] >>> 0, buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed32s = Writer.prototype.fixed32s;
    Writer.prototype.fixed64s = function write_fixed64s(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, bits, dv = getLazyView(this, n, VIEW_THRESHOLD_INT);
      if (dv)
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          dv.setUint32(p, bits.lo, true);
          dv.setUint32(p + 4, bits.hi, true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          bits = LongBits.from(value[i]);
          writeFixed32(bits.lo, buf, p);
          writeFixed32(bits.hi, buf, p + 4);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.sfixed64s = Writer.prototype.fixed64s;
    Writer.prototype.floats = function write_floats(value) {
      var n = value.length, bytes = n * 4;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat32(p, value[i], true);
          p += 4;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeFloatLE(value[i], buf, p);
          p += 4;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.doubles = function write_doubles(value) {
      var n = value.length, bytes = n * 8;
      this.uint32(bytes);
      this._reserve(bytes);
      var p = this.pos, i, dv = getLazyView(this, n, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (i = 0; i < n; ++i) {
          dv.setFloat64(p, value[i], true);
          p += 8;
        }
      else {
        var buf = this.buf;
        for (i = 0; i < n; ++i) {
          util.float.writeDoubleLE(value[i], buf, p);
          p += 8;
        }
      }
      this.pos += bytes;
      return this;
    };
    Writer.prototype.fork = function fork2() {
      this._reserve(1);
      (this.states || (this.states = [])).push(this.pos);
      this.pos += 1;
      return this;
    };
    Writer.prototype.reset = function reset() {
      var states = this.states;
      if (states && states.length) {
        this.pos = states.pop();
      } else {
        this.pos = 0;
      }
      return this;
    };
    Writer.prototype.ldelim = function ldelim() {
      var states = this.states, len, vlen;
      if (states && states.length) {
        var lenPos = states.pop();
        len = this.pos - lenPos - 1;
        vlen = sizeVarint32(len);
        if (vlen > 1) {
          this._reserve(vlen - 1);
          this.buf.copyWithin(lenPos + vlen, lenPos + 1, lenPos + 1 + len);
          this.pos += vlen - 1;
          writeVarint32(len, this.buf, lenPos);
        } else {
          this.buf[lenPos] = len;
        }
      } else {
        len = this.pos;
        vlen = sizeVarint32(len);
        this._reserve(vlen);
        this.buf.copyWithin(vlen, 0, len);
        writeVarint32(len, this.buf, 0);
        this.pos += vlen;
      }
      return this;
    };
    Writer.prototype.finish = function finish(shared) {
      if (shared)
        return this.buf.subarray(0, this.pos);
      var buf = this.constructor.alloc(this.pos);
      buf.set(this.buf.subarray(0, this.pos), 0);
      return buf;
    };
    Writer.prototype.finishInto = function finishInto(buf, offset) {
      if (offset === void 0)
        offset = 0;
      buf.set(this.buf.subarray(0, this.pos), offset);
      return buf;
    };
    Writer._configure = function(BufferWriter_) {
      BufferWriter = BufferWriter_;
      Writer.create = create();
      BufferWriter._configure();
    };
  }
});

// node_modules/protobufjs/src/writer_buffer.js
var require_writer_buffer = __commonJS({
  "node_modules/protobufjs/src/writer_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferWriter;
    var Writer = require_writer();
    BufferWriter.prototype = Object.create(Writer.prototype, {
      constructor: {
        value: BufferWriter,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferWriter() {
      Writer.call(this);
    }
    var writeStringBuffer;
    BufferWriter._configure = function() {
      BufferWriter.alloc = util.Buffer && util.Buffer.allocUnsafe;
      writeStringBuffer = util.Buffer && util.Buffer.prototype.utf8Write ? function writeStringBuffer_utf8Write(val, buf, pos) {
        return buf.utf8Write(val, pos);
      } : function writeStringBuffer_write(val, buf, pos) {
        return buf.write(val, pos);
      };
    };
    BufferWriter.prototype.bytes = function write_bytes_buffer(value) {
      if (util.isString(value))
        value = util.Buffer.from(value, "base64");
      var len = value.length >>> 0;
      this.uint32(len);
      if (len) {
        this._reserve(len);
        this.buf.set(value, this.pos);
        this.pos += len;
      }
      return this;
    };
    BufferWriter.prototype.string = function write_string_buffer(value) {
      var n = value.length;
      if (!n) {
        this._reserve(1);
        this.buf[this.pos++] = 0;
        return this;
      }
      if (n < 128) {
        this._reserve(n * 3 + 5);
        var pos = this.pos, buf = this.buf;
        return this._delim(
          pos,
          n < 40 ? util.utf8.write(value, buf, pos + 1) : writeStringBuffer(value, buf, pos + 1)
        );
      }
      var len = util.Buffer.byteLength(value);
      this.uint32(len);
      this._reserve(len);
      writeStringBuffer(value, this.buf, this.pos);
      this.pos += len;
      return this;
    };
    BufferWriter._configure();
  }
});

// node_modules/protobufjs/src/reader.js
var require_reader = __commonJS({
  "node_modules/protobufjs/src/reader.js"(exports, module) {
    "use strict";
    module.exports = Reader;
    var util = require_minimal();
    var BufferReader;
    var LongBits = util.LongBits;
    var utf82 = util.utf8;
    function indexOutOfRange(reader, writeLength) {
      return RangeError("index out of range: " + reader.pos + " + " + (writeLength || 1) + " > " + reader.len);
    }
    function Reader(buffer) {
      this.buf = buffer;
      this.pos = 0;
      this.len = buffer.length;
      this.view = null;
      this.discardUnknown = Reader.discardUnknown;
    }
    function create_array(buffer) {
      if (Array.isArray(buffer))
        buffer = new Uint8Array(buffer);
      if (buffer instanceof Uint8Array)
        return new Reader(buffer);
      throw Error("illegal buffer");
    }
    var create = function create2() {
      return util.Buffer ? function create_buffer_setup(buffer) {
        return (Reader.create = function create_buffer(buffer2) {
          return util.Buffer.isBuffer(buffer2) ? new BufferReader(buffer2) : create_array(buffer2);
        })(buffer);
      } : create_array;
    };
    Reader.create = create();
    Reader.prototype.raw = function read_raw(start, end) {
      return this.buf.subarray(start, end);
    };
    function readVarint32NearEnd(reader) {
      var value = 0;
      for (var i = 0; i < 4; ++i) {
        if (reader.pos >= reader.len)
          throw indexOutOfRange(reader);
        var b = reader.buf[reader.pos++];
        value = (value | (b & 127) << i * 7) >>> 0;
        if (b < 128)
          return value;
      }
      throw indexOutOfRange(reader);
    }
    Reader.prototype.uint32 = function read_uint32() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      for (var i = 0; i < 5; ++i) {
        if (pos >= this.len) {
          this.pos = pos;
          throw indexOutOfRange(this);
        }
        if (buf[pos++] < 128) {
          this.pos = pos;
          return value;
        }
      }
      this.pos = pos;
      throw Error("invalid varint encoding");
    };
    Reader.prototype.tag = function read_tag() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 15) << 28) >>> 0;
      if (buf[pos] < 128 && (buf[pos] & 112) === 0) {
        this.pos = pos + 1;
        return value;
      }
      this.pos = pos + 1;
      throw Error("invalid tag encoding");
    };
    Reader.prototype.size = function read_size() {
      if (this.len - this.pos < 5) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        if (this.buf[this.pos] >= 128)
          return readVarint32NearEnd(this);
      }
      var buf = this.buf, pos = this.pos, value = (buf[pos] & 127) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 7) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 14) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      value = (value | (buf[pos] & 127) << 21) >>> 0;
      if (buf[pos++] < 128) {
        this.pos = pos;
        return value;
      }
      this.pos = pos + 1;
      if (buf[pos] > 7)
        throw Error("invalid length encoding");
      return (value | buf[pos] << 28) >>> 0;
    };
    Reader.prototype.int32 = function read_int32() {
      return this.uint32() | 0;
    };
    Reader.prototype.sint32 = function read_sint32() {
      var value = this.uint32();
      return value >>> 1 ^ -(value & 1) | 0;
    };
    function readLongVarint() {
      var bits = new LongBits(0, 0);
      var i = 0;
      if (this.len - this.pos > 4) {
        for (; i < 4; ++i) {
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        bits.lo = (bits.lo | (this.buf[this.pos] & 127) << 28) >>> 0;
        bits.hi = (bits.hi | (this.buf[this.pos] & 127) >> 4) >>> 0;
        if (this.buf[this.pos++] < 128)
          return bits;
        i = 0;
      } else {
        for (; i < 4; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.lo = (bits.lo | (this.buf[this.pos] & 127) << i * 7) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
        throw indexOutOfRange(this);
      }
      if (this.len - this.pos > 4) {
        for (; i < 5; ++i) {
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      } else {
        for (; i < 5; ++i) {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
          bits.hi = (bits.hi | (this.buf[this.pos] & 127) << i * 7 + 3) >>> 0;
          if (this.buf[this.pos++] < 128)
            return bits;
        }
      }
      throw Error("invalid varint encoding");
    }
    Reader.prototype.bool = function read_bool() {
      var value = false, b;
      for (var i = 0; i < 10; ++i) {
        if (this.pos >= this.len)
          throw indexOutOfRange(this);
        b = this.buf[this.pos++];
        if (b & 127)
          value = true;
        if (b < 128)
          return value;
      }
      throw Error("invalid varint encoding");
    };
    function readFixed32_end(buf, end) {
      return (buf[end - 4] | buf[end - 3] << 8 | buf[end - 2] << 16 | buf[end - 1] << 24) >>> 0;
    }
    Reader.prototype.fixed32 = function read_fixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4);
    };
    Reader.prototype.sfixed32 = function read_sfixed32() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      return readFixed32_end(this.buf, this.pos += 4) | 0;
    };
    function readFixed64() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 8);
      return new LongBits(readFixed32_end(this.buf, this.pos += 4), readFixed32_end(this.buf, this.pos += 4));
    }
    Reader.prototype.float = function read_float() {
      if (this.pos + 4 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readFloatLE(this.buf, this.pos);
      this.pos += 4;
      return value;
    };
    Reader.prototype.double = function read_double() {
      if (this.pos + 8 > this.len)
        throw indexOutOfRange(this, 4);
      var value = util.float.readDoubleLE(this.buf, this.pos);
      this.pos += 8;
      return value;
    };
    Reader.prototype.uint32s = function read_uint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.uint32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int32s = function read_int32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value);
        else {
          this.pos = pos - 1;
          array.push(this.int32());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint32s = function read_sint32s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint32());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.bools = function read_bools(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len, buf = this.buf, pos = this.pos, value;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (pos < end) {
        value = buf[pos++];
        if (value < 128)
          array.push(value !== 0);
        else {
          this.pos = pos - 1;
          array.push(this.bool());
          pos = this.pos;
        }
      }
      this.pos = pos;
      if (pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    var VIEW_THRESHOLD_FLOAT = 8;
    var VIEW_THRESHOLD_INT = 128;
    function getLazyView(reader, count, threshold) {
      var view = reader.view;
      if (view || count < threshold)
        return view;
      var buf = reader.buf;
      return reader.view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength);
    }
    Reader.prototype.fixed32s = function read_fixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getUint32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.sfixed32s = function read_sfixed32s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_INT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getInt32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = readFixed32_end(buf, pos + 4) | 0;
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.floats = function read_floats(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 2, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 4) array[i++] = dv.getFloat32(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 4) array[i++] = util.float.readFloatLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 4);
      return array;
    };
    Reader.prototype.doubles = function read_doubles(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3, i = array.length, pos = this.pos;
      array.length = i + count;
      var dv = getLazyView(this, count, VIEW_THRESHOLD_FLOAT);
      if (dv)
        for (var k = 0; k < count; ++k, pos += 8) array[i++] = dv.getFloat64(pos, true);
      else {
        var buf = this.buf;
        for (var j = 0; j < count; ++j, pos += 8) array[i++] = util.float.readDoubleLE(buf, pos);
      }
      this.pos = pos;
      if (pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.uint64s = function read_uint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.uint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.int64s = function read_int64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.int64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.sint64s = function read_sint64s(array) {
      if (array === void 0) array = [];
      var end = this.size() + this.pos, len = this.len;
      if (end > len) throw indexOutOfRange(this, end - this.pos);
      this.len = end;
      while (this.pos < end)
        array.push(this.sint64());
      if (this.pos !== end) throw RangeError("index out of range");
      this.len = len;
      return array;
    };
    Reader.prototype.fixed64s = function read_fixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.fixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.sfixed64s = function read_sfixed64s(array) {
      if (array === void 0) array = [];
      var len = this.size(), end = this.pos + len, i = array.length;
      if (end > this.len) throw indexOutOfRange(this, len);
      var count = len >>> 3;
      array.length = i + count;
      for (var j = 0; j < count; ++j)
        array[i++] = this.sfixed64();
      if (this.pos !== end) throw indexOutOfRange(this, 8);
      return array;
    };
    Reader.prototype.bytes = function read_bytes() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return this.raw(start, end);
    };
    Reader.prototype.string = function read_string() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.read(this.buf, start, end);
    };
    Reader.prototype.stringVerify = function read_string_verify() {
      var length = this.size(), start = this.pos, end = this.pos + length;
      if (end > this.len)
        throw indexOutOfRange(this, length);
      this.pos = end;
      return utf82.readStrict(this.buf, start, end);
    };
    Reader.prototype.skip = function skip(length) {
      if (typeof length === "number") {
        if (this.pos + length > this.len)
          throw indexOutOfRange(this, length);
        this.pos += length;
      } else {
        do {
          if (this.pos >= this.len)
            throw indexOutOfRange(this);
        } while (this.buf[this.pos++] & 128);
      }
      return this;
    };
    Reader.recursionLimit = util.recursionLimit;
    Reader.discardUnknown = true;
    Reader.prototype.skipType = function(wireType, depth, fieldNumber) {
      if (depth === void 0) depth = 0;
      if (depth > Reader.recursionLimit)
        throw Error("max depth exceeded");
      if (fieldNumber === 0)
        throw Error("illegal tag: field number 0");
      switch (wireType) {
        case 0:
          this.skip();
          break;
        case 1:
          this.skip(8);
          break;
        case 2:
          this.skip(this.size());
          break;
        case 3:
          while (true) {
            var tag = this.tag();
            var nestedField = tag >>> 3;
            wireType = tag & 7;
            if (!nestedField)
              throw Error("illegal tag: field number 0");
            if (wireType === 4) {
              if (fieldNumber !== void 0 && nestedField !== fieldNumber)
                throw Error("invalid end group tag");
              break;
            }
            this.skipType(wireType, depth + 1, nestedField);
          }
          break;
        case 5:
          this.skip(4);
          break;
        /* istanbul ignore next */
        default:
          throw Error("invalid wire type " + wireType + " at offset " + this.pos);
      }
      return this;
    };
    Reader._configure = function(BufferReader_) {
      BufferReader = BufferReader_;
      Reader.create = create();
      BufferReader._configure();
      var fn = util.Long ? "toLong" : (
        /* istanbul ignore next */
        "toNumber"
      );
      util.merge(Reader.prototype, {
        int64: function read_int64() {
          return readLongVarint.call(this)[fn](false);
        },
        uint64: function read_uint64() {
          return readLongVarint.call(this)[fn](true);
        },
        sint64: function read_sint64() {
          return readLongVarint.call(this).zzDecode()[fn](false);
        },
        fixed64: function read_fixed64() {
          return readFixed64.call(this)[fn](true);
        },
        sfixed64: function read_sfixed64() {
          return readFixed64.call(this)[fn](false);
        }
      });
    };
  }
});

// node_modules/protobufjs/src/reader_buffer.js
var require_reader_buffer = __commonJS({
  "node_modules/protobufjs/src/reader_buffer.js"(exports, module) {
    "use strict";
    module.exports = BufferReader;
    var Reader = require_reader();
    BufferReader.prototype = Object.create(Reader.prototype, {
      constructor: {
        value: BufferReader,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    var util = require_minimal();
    function BufferReader(buffer) {
      Reader.call(this, buffer);
    }
    BufferReader._configure = function() {
      if (util.Buffer)
        BufferReader.prototype._slice = util.Buffer.prototype.slice;
    };
    BufferReader.prototype.raw = function read_raw_buffer(start, end) {
      return this._slice.call(this.buf, start, end);
    };
    BufferReader.prototype.string = function read_string_buffer() {
      var len = this.size(), start = this.pos, end = this.pos + len;
      if (end > this.len)
        throw RangeError("index out of range: " + this.pos + " + " + len + " > " + this.len);
      this.pos = end;
      return this.buf.utf8Slice ? this.buf.utf8Slice(start, end) : this.buf.toString("utf-8", start, end);
    };
    BufferReader._configure();
  }
});

// node_modules/protobufjs/src/rpc/service.js
var require_service = __commonJS({
  "node_modules/protobufjs/src/rpc/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var util = require_minimal();
    Service.prototype = Object.create(util.EventEmitter.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    function Service(rpcImpl, requestDelimited, responseDelimited) {
      if (typeof rpcImpl !== "function")
        throw TypeError("rpcImpl must be a function");
      util.EventEmitter.call(this);
      this.rpcImpl = rpcImpl;
      this.requestDelimited = Boolean(requestDelimited);
      this.responseDelimited = Boolean(responseDelimited);
    }
    Service.prototype.rpcCall = function rpcCall(method, requestCtor, responseCtor, request, callback) {
      if (!request)
        throw TypeError("request must be specified");
      var self2 = this;
      if (!callback)
        return util.asPromise(rpcCall, self2, method, requestCtor, responseCtor, request);
      if (!self2.rpcImpl) {
        setTimeout(function() {
          callback(Error("already ended"));
        }, 0);
        return void 0;
      }
      try {
        return self2.rpcImpl(
          method,
          requestCtor[self2.requestDelimited ? "encodeDelimited" : "encode"](request).finish(),
          function rpcCallback(err2, response) {
            if (err2) {
              self2.emit("error", err2, method);
              return callback(err2);
            }
            if (response === null) {
              self2.end(
                /* endedByRPC */
                true
              );
              return void 0;
            }
            if (!(response instanceof responseCtor)) {
              try {
                response = responseCtor[self2.responseDelimited ? "decodeDelimited" : "decode"](response);
              } catch (err3) {
                self2.emit("error", err3, method);
                return callback(err3);
              }
            }
            self2.emit("data", response, method);
            return callback(null, response);
          }
        );
      } catch (err2) {
        self2.emit("error", err2, method);
        setTimeout(function() {
          callback(err2);
        }, 0);
        return void 0;
      }
    };
    Service.prototype.end = function end(endedByRPC) {
      if (this.rpcImpl) {
        if (!endedByRPC)
          this.rpcImpl(null, null, null);
        this.rpcImpl = null;
        this.emit("end").off();
      }
      return this;
    };
  }
});

// node_modules/protobufjs/src/rpc.js
var require_rpc = __commonJS({
  "node_modules/protobufjs/src/rpc.js"(exports) {
    "use strict";
    var rpc = exports;
    rpc.Service = require_service();
  }
});

// node_modules/protobufjs/src/roots.js
var require_roots = __commonJS({
  "node_modules/protobufjs/src/roots.js"(exports, module) {
    "use strict";
    module.exports = /* @__PURE__ */ Object.create(null);
  }
});

// node_modules/protobufjs/src/index-minimal.js
var require_index_minimal = __commonJS({
  "node_modules/protobufjs/src/index-minimal.js"(exports) {
    "use strict";
    exports.build = "minimal";
    exports.Writer = require_writer();
    exports.BufferWriter = require_writer_buffer();
    exports.Reader = require_reader();
    exports.BufferReader = require_reader_buffer();
    exports.util = require_minimal();
    exports.rpc = require_rpc();
    exports.roots = require_roots();
    exports.configure = configure;
    function configure() {
      exports.util.LongBits._configure(exports.util.Long);
      exports.Writer._configure(exports.BufferWriter);
      exports.Reader._configure(exports.BufferReader);
    }
    configure();
  }
});

// node_modules/protobufjs/src/util/patterns.js
var require_patterns = __commonJS({
  "node_modules/protobufjs/src/util/patterns.js"(exports) {
    "use strict";
    var patterns = exports;
    patterns.numberRe = /^(?![eE])[0-9]*(?:\.[0-9]*)?(?:[eE][+-]?[0-9]+)?$/;
    patterns.typeRefRe = /^(?:\.?[a-zA-Z_][a-zA-Z_0-9]*)(?:\.[a-zA-Z_][a-zA-Z_0-9]*)*$/;
    patterns.reservedRe = /^(?:do|if|in|for|let|new|try|var|case|else|enum|eval|false|null|this|true|void|with|break|catch|class|const|super|throw|while|yield|delete|export|import|public|return|static|switch|typeof|default|extends|finally|package|private|continue|debugger|function|arguments|interface|protected|implements|instanceof)$/;
  }
});

// node_modules/protobufjs/src/util/codegen.js
var require_codegen = __commonJS({
  "node_modules/protobufjs/src/util/codegen.js"(exports, module) {
    "use strict";
    module.exports = codegen;
    var patterns = require_patterns();
    var reservedRe = patterns.reservedRe;
    function codegen(functionParams, functionName) {
      if (typeof functionParams === "string") {
        functionName = functionParams;
        functionParams = void 0;
      }
      var body2 = [];
      function Codegen(formatStringOrScope) {
        if (typeof formatStringOrScope !== "string") {
          var source = toString();
          if (codegen.verbose)
            console.log("codegen: " + source);
          source = "return " + source;
          if (formatStringOrScope) {
            var scopeKeys = Object.keys(formatStringOrScope), scopeParams = new Array(scopeKeys.length + 1), scopeValues = new Array(scopeKeys.length), scopeOffset = 0;
            while (scopeOffset < scopeKeys.length) {
              scopeParams[scopeOffset] = scopeKeys[scopeOffset];
              scopeValues[scopeOffset] = formatStringOrScope[scopeKeys[scopeOffset++]];
            }
            scopeParams[scopeOffset] = source;
            return Function.apply(null, scopeParams).apply(null, scopeValues);
          }
          return Function(source)();
        }
        var formatParams = new Array(arguments.length - 1), formatOffset = 0;
        while (formatOffset < formatParams.length)
          formatParams[formatOffset] = arguments[++formatOffset];
        formatOffset = 0;
        formatStringOrScope = formatStringOrScope.replace(/%([%dfijs])/g, function replace($0, $1) {
          var value = formatParams[formatOffset++];
          switch ($1) {
            case "d":
            case "f":
              value = Number(value);
              return Object.is(value, -0) ? "-0" : String(value);
            case "i":
              return String(Math.floor(value));
            case "j":
              return JSON.stringify(value);
            case "s":
              return String(value);
          }
          return "%";
        });
        if (formatOffset !== formatParams.length)
          throw Error("parameter count mismatch");
        body2.push(formatStringOrScope);
        return Codegen;
      }
      function toString(functionNameOverride) {
        return "function " + safeFunctionName(functionNameOverride || functionName) + "(" + (functionParams && functionParams.join(",") || "") + "){\n  " + body2.join("\n  ") + "\n}";
      }
      Object.defineProperty(Codegen, "toString", {
        value: toString,
        writable: true,
        enumerable: true,
        configurable: true
      });
      return Codegen;
    }
    codegen.verbose = false;
    function safeFunctionName(name) {
      if (!name)
        return "";
      name = String(name).replace(/[^\w$]/g, "");
      if (!name)
        return "";
      if (/^\d/.test(name))
        name = "_" + name;
      return reservedRe.test(name) ? name + "_" : name;
    }
  }
});

// node_modules/protobufjs/src/util/fs.js
var require_fs = __commonJS({
  "node_modules/protobufjs/src/util/fs.js"(exports, module) {
    "use strict";
    var fs = null;
    try {
      fs = __require(
        /* webpackIgnore: true */
        "fs"
      );
      if (!fs || !fs.readFile || !fs.readFileSync)
        fs = null;
    } catch (e) {
    }
    module.exports = fs;
  }
});

// node_modules/protobufjs/src/util/fetch.js
var require_fetch = __commonJS({
  "node_modules/protobufjs/src/util/fetch.js"(exports, module) {
    "use strict";
    module.exports = fetch;
    var asPromise = require_aspromise();
    var fs = require_fs();
    function fetch(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = {};
      } else if (!options)
        options = {};
      if (!callback)
        return asPromise(fetch, this, filename, options);
      if (!options.xhr && fs && fs.readFile)
        return fs.readFile(filename, function fetchReadFileCallback(err2, contents) {
          return err2 && typeof XMLHttpRequest !== "undefined" ? fetch.xhr(filename, options, callback) : err2 ? callback(err2) : callback(null, options.binary ? contents : contents.toString("utf8"));
        });
      return fetch.xhr(filename, options, callback);
    }
    fetch.xhr = function fetch_xhr(filename, options, callback) {
      var xhr = new XMLHttpRequest();
      xhr.onreadystatechange = function fetchOnReadyStateChange() {
        if (xhr.readyState !== 4)
          return void 0;
        if (xhr.status !== 0 && xhr.status !== 200)
          return callback(Error("status " + xhr.status));
        if (options.binary) {
          var buffer = xhr.response;
          if (!buffer) {
            buffer = [];
            for (var i = 0; i < xhr.responseText.length; ++i)
              buffer.push(xhr.responseText.charCodeAt(i) & 255);
          }
          return callback(null, typeof Uint8Array !== "undefined" ? new Uint8Array(buffer) : buffer);
        }
        return callback(null, xhr.responseText);
      };
      if (options.binary) {
        if ("overrideMimeType" in xhr)
          xhr.overrideMimeType("text/plain; charset=x-user-defined");
        xhr.responseType = "arraybuffer";
      }
      xhr.open("GET", filename);
      xhr.send();
    };
  }
});

// node_modules/protobufjs/src/util/path.js
var require_path = __commonJS({
  "node_modules/protobufjs/src/util/path.js"(exports) {
    "use strict";
    var path = exports;
    var urlRe = /^[a-zA-Z][a-zA-Z0-9+.-]+:\/\//;
    function normalizeUrl(path2) {
      if (typeof URL === "undefined" || !urlRe.test(path2))
        return null;
      try {
        return new URL(path2).href;
      } catch (e) {
        return null;
      }
    }
    function resolveUrl(originPath, includePath) {
      if (typeof URL === "undefined" || !urlRe.test(originPath) || urlRe.test(includePath))
        return null;
      try {
        return new URL(includePath, originPath).href;
      } catch (e) {
        return null;
      }
    }
    var isAbsolute = (
      /**
       * Tests if the specified path is absolute.
       * @param {string} path Path to test
       * @returns {boolean} `true` if path is absolute
       */
      path.isAbsolute = function isAbsolute2(path2) {
        return /^(?:\/|\w+:|\\\\\w+)/.test(path2);
      }
    );
    var normalize = (
      /**
       * Normalizes the specified path.
       * @param {string} path Path to normalize
       * @returns {string} Normalized path
       */
      path.normalize = function normalize2(path2) {
        var normalizedUrl = normalizeUrl(path2);
        if (normalizedUrl)
          return normalizedUrl;
        var firstTwoCharacters = path2.substring(0, 2);
        var uncPrefix = "";
        if (firstTwoCharacters === "\\\\") {
          uncPrefix = firstTwoCharacters;
          path2 = path2.substring(2);
        }
        path2 = path2.replace(/\\/g, "/").replace(/\/{2,}/g, "/");
        var parts = path2.split("/"), absolute = isAbsolute(path2), prefix = "";
        if (absolute)
          prefix = parts.shift() + "/";
        for (var i = 0; i < parts.length; ) {
          if (parts[i] === "..") {
            if (i > 0 && parts[i - 1] !== "..")
              parts.splice(--i, 2);
            else if (absolute)
              parts.splice(i, 1);
            else
              ++i;
          } else if (parts[i] === ".")
            parts.splice(i, 1);
          else
            ++i;
        }
        return uncPrefix + prefix + parts.join("/");
      }
    );
    path.resolve = function resolve(originPath, includePath, alreadyNormalized) {
      var resolvedUrl = resolveUrl(originPath, includePath);
      if (resolvedUrl)
        return resolvedUrl;
      if (!alreadyNormalized)
        includePath = normalize(includePath);
      if (isAbsolute(includePath))
        return includePath;
      if (!alreadyNormalized)
        originPath = normalize(originPath);
      return (originPath = originPath.replace(/(?:\/|^)[^/]+$/, "")).length ? normalize(originPath + "/" + includePath) : includePath;
    };
  }
});

// node_modules/protobufjs/src/namespace.js
var require_namespace = __commonJS({
  "node_modules/protobufjs/src/namespace.js"(exports, module) {
    "use strict";
    module.exports = Namespace;
    var ReflectionObject = require_object();
    Namespace.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Namespace,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Namespace.className = "Namespace";
    var Field = require_field();
    var util = require_util();
    var OneOf = require_oneof();
    var Type;
    var Service;
    var Enum;
    Namespace.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      return new Namespace(name, json.options).addJSON(json.nested, depth);
    };
    function arrayToJSON(array, toJSONOptions) {
      if (!(array && array.length))
        return void 0;
      var obj = {};
      for (var i = 0; i < array.length; ++i)
        obj[array[i].name] = array[i].toJSON(toJSONOptions);
      return obj;
    }
    Namespace.arrayToJSON = arrayToJSON;
    Namespace.isReservedId = function isReservedId(reserved, id) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (typeof reserved[i] !== "string" && reserved[i][0] <= id && reserved[i][1] >= id)
            return true;
      }
      return false;
    };
    Namespace.isReservedName = function isReservedName(reserved, name) {
      if (reserved) {
        for (var i = 0; i < reserved.length; ++i)
          if (reserved[i] === name)
            return true;
      }
      return false;
    };
    function Namespace(name, options) {
      ReflectionObject.call(this, name, options);
      this.nested = void 0;
      this._nestedArray = null;
      this._lookupCache = /* @__PURE__ */ Object.create(null);
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
    }
    function clearCache(namespace) {
      namespace._nestedArray = null;
      namespace._lookupCache = /* @__PURE__ */ Object.create(null);
      var parent = namespace;
      while (parent = parent.parent) {
        parent._lookupCache = /* @__PURE__ */ Object.create(null);
      }
      return namespace;
    }
    Object.defineProperty(Namespace.prototype, "nestedArray", {
      get: function() {
        return this._nestedArray || (this._nestedArray = util.toArray(this.nested));
      }
    });
    Namespace.prototype.toJSON = function toJSON(toJSONOptions) {
      return util.toObject([
        "options",
        this.options,
        "nested",
        arrayToJSON(this.nestedArray, toJSONOptions)
      ]);
    };
    Namespace.prototype.addJSON = function addJSON(nestedJson, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var ns = this;
      if (nestedJson) {
        for (var names = Object.keys(nestedJson), i = 0, nested; i < names.length; ++i) {
          nested = nestedJson[names[i]];
          ns.add(
            // most to least likely
            (nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : nested.id !== void 0 ? Field.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      }
      return this;
    };
    Namespace.prototype.get = function get(name) {
      return this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) ? this.nested[name] : null;
    };
    Namespace.prototype.getEnum = function getEnum(name) {
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name) && this.nested[name] instanceof Enum)
        return this.nested[name].values;
      throw Error("no such enum: " + name);
    };
    Namespace.prototype.add = function add(object) {
      if (!(object instanceof Field && object.extend !== void 0 || object instanceof Type || object instanceof OneOf || object instanceof Enum || object instanceof Service || object instanceof Namespace))
        throw TypeError("object must be a valid nested object");
      if (object.name === "__proto__")
        return this;
      if (!this.nested)
        this.nested = {};
      else {
        var prev = this.get(object.name);
        if (prev) {
          if (prev instanceof Namespace && object instanceof Namespace && !(prev instanceof Type || prev instanceof Service)) {
            var nested = prev.nestedArray;
            for (var i = 0; i < nested.length; ++i)
              object.add(nested[i]);
            this.remove(prev);
            if (!this.nested)
              this.nested = {};
            object.setOptions(prev.options, true);
          } else
            throw Error("duplicate name '" + object.name + "' in " + this);
        }
      }
      this.nested[object.name] = object;
      if (!(this instanceof Type || this instanceof Service || this instanceof Enum || this instanceof Field)) {
        if (!object._edition) {
          object._edition = object._defaultEdition;
        }
      }
      this._needsRecursiveFeatureResolution = true;
      this._needsRecursiveResolve = true;
      var parent = this;
      while (parent = parent.parent) {
        parent._needsRecursiveFeatureResolution = true;
        parent._needsRecursiveResolve = true;
      }
      object.onAdd(this);
      return clearCache(this);
    };
    Namespace.prototype.remove = function remove(object) {
      if (!(object instanceof ReflectionObject))
        throw TypeError("object must be a ReflectionObject");
      if (object.parent !== this)
        throw Error(object + " is not a member of " + this);
      if (!util.remove(this.nested, object, object.name))
        throw Error(object + " is not a member of " + this);
      if (!Object.keys(this.nested).length)
        this.nested = void 0;
      object.onRemove(this);
      return clearCache(this);
    };
    Namespace.prototype.define = function define2(path, json) {
      if (util.isString(path))
        path = path.split(".");
      else if (!Array.isArray(path))
        throw TypeError("illegal path");
      if (path && path.length && path[0] === "")
        throw Error("path must be relative");
      if (path.length > util.recursionLimit)
        throw Error("max depth exceeded");
      var ptr = this;
      while (path.length > 0) {
        var part = path.shift();
        if (ptr.nested && ptr.nested[part]) {
          ptr = ptr.nested[part];
          if (!(ptr instanceof Namespace))
            throw Error("path conflicts with non-namespace objects");
        } else
          ptr.add(ptr = new Namespace(part));
      }
      if (json)
        ptr.addJSON(json);
      return ptr;
    };
    Namespace.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this._needsRecursiveFeatureResolution)
        this._resolveFeaturesRecursive(this._edition);
      var nested = this.nestedArray, i = 0;
      this.resolve();
      while (i < nested.length)
        if (nested[i] instanceof Namespace)
          nested[i++].resolveAll();
        else
          nested[i++].resolve();
      this._needsRecursiveResolve = false;
      return this;
    };
    Namespace.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      this._needsRecursiveFeatureResolution = false;
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeaturesRecursive.call(this, edition);
      this.nestedArray.forEach((nested) => {
        nested._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Namespace.prototype.lookup = function lookup(path, filterTypes, parentAlreadyChecked) {
      if (typeof filterTypes === "boolean") {
        parentAlreadyChecked = filterTypes;
        filterTypes = void 0;
      } else if (filterTypes && !Array.isArray(filterTypes))
        filterTypes = [filterTypes];
      if (util.isString(path) && path.length) {
        if (path === ".")
          return this.root;
        path = path.split(".");
      } else if (!path.length)
        return this;
      var flatPath = path.join(".");
      if (path[0] === "")
        return this.root.lookup(path.slice(1), filterTypes);
      var found = this._lookupImpl(path, flatPath);
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      found = this.root._fullyQualifiedObjects && this.root._fullyQualifiedObjects["." + flatPath];
      if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
        return found;
      }
      if (parentAlreadyChecked)
        return null;
      var current = this;
      while (current.parent) {
        found = current.parent._lookupImpl(path, flatPath);
        if (found && (!filterTypes || filterTypes.indexOf(found.constructor) > -1)) {
          return found;
        }
        current = current.parent;
      }
      return null;
    };
    Namespace.prototype._lookupImpl = function lookup(path, flatPath) {
      if (Object.prototype.hasOwnProperty.call(this._lookupCache, flatPath)) {
        return this._lookupCache[flatPath];
      }
      var found = this.get(path[0]);
      var exact = null;
      if (found) {
        if (path.length === 1) {
          exact = found;
        } else if (found instanceof Namespace) {
          path = path.slice(1);
          exact = found._lookupImpl(path, path.join("."));
        }
      } else {
        for (var i = 0; i < this.nestedArray.length; ++i)
          if (this._nestedArray[i] instanceof Namespace && (found = this._nestedArray[i]._lookupImpl(path, flatPath))) {
            exact = found;
            break;
          }
      }
      this._lookupCache[flatPath] = exact;
      return exact;
    };
    Namespace.prototype.lookupType = function lookupType(path) {
      var found = this.lookup(path, [Type]);
      if (!found)
        throw Error("no such type: " + path);
      return found;
    };
    Namespace.prototype.lookupEnum = function lookupEnum(path) {
      var found = this.lookup(path, [Enum]);
      if (!found)
        throw Error("no such Enum '" + path + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupTypeOrEnum = function lookupTypeOrEnum(path) {
      var found = this.lookup(path, [Type, Enum]);
      if (!found)
        throw Error("no such Type or Enum '" + path + "' in " + this);
      return found;
    };
    Namespace.prototype.lookupService = function lookupService(path) {
      var found = this.lookup(path, [Service]);
      if (!found)
        throw Error("no such Service '" + path + "' in " + this);
      return found;
    };
    Namespace._configure = function(Type_, Service_, Enum_) {
      Type = Type_;
      Service = Service_;
      Enum = Enum_;
    };
  }
});

// node_modules/protobufjs/src/mapfield.js
var require_mapfield = __commonJS({
  "node_modules/protobufjs/src/mapfield.js"(exports, module) {
    "use strict";
    module.exports = MapField;
    var Field = require_field();
    MapField.prototype = Object.create(Field.prototype, {
      constructor: {
        value: MapField,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    MapField.className = "MapField";
    var types = require_types();
    var util = require_util();
    function MapField(name, id, keyType, type, options, comment) {
      Field.call(this, name, id, type, void 0, void 0, options, comment);
      if (!util.isString(keyType))
        throw TypeError("keyType must be a string");
      this.keyType = keyType;
      this.resolvedKeyType = null;
      this.map = true;
    }
    MapField.fromJSON = function fromJSON(name, json) {
      var field = new MapField(name, json.id, json.keyType, json.type, json.options, json.comment);
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      return field;
    };
    MapField.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "keyType",
        this.keyType,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    MapField.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (types.mapKey[this.keyType] === void 0)
        throw Error("invalid key type: " + this.keyType);
      return Field.prototype.resolve.call(this);
    };
    MapField.d = function decorateMapField(fieldId, fieldKeyType, fieldValueType) {
      if (typeof fieldValueType === "function")
        fieldValueType = util.decorateType(fieldValueType).name;
      else if (fieldValueType && typeof fieldValueType === "object")
        fieldValueType = util.decorateEnum(fieldValueType).name;
      return function mapFieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new MapField(fieldName, fieldId, fieldKeyType, fieldValueType));
      };
    };
  }
});

// node_modules/protobufjs/src/method.js
var require_method = __commonJS({
  "node_modules/protobufjs/src/method.js"(exports, module) {
    "use strict";
    module.exports = Method;
    var ReflectionObject = require_object();
    Method.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Method,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Method.className = "Method";
    var util = require_util();
    function Method(name, type, requestType, responseType, requestStream, responseStream, options, comment, parsedOptions) {
      if (util.isObject(requestStream)) {
        options = requestStream;
        requestStream = responseStream = void 0;
      } else if (util.isObject(responseStream)) {
        options = responseStream;
        responseStream = void 0;
      }
      if (!(type === void 0 || util.isString(type)))
        throw TypeError("type must be a string");
      if (!util.isString(requestType))
        throw TypeError("requestType must be a string");
      if (!util.isString(responseType))
        throw TypeError("responseType must be a string");
      ReflectionObject.call(this, name, options);
      this.type = type || "rpc";
      this.requestType = requestType;
      this.requestStream = requestStream ? true : void 0;
      this.responseType = responseType;
      this.responseStream = responseStream ? true : void 0;
      this.path = "/" + this.name;
      this.resolvedRequestType = null;
      this.resolvedResponseType = null;
      this.comment = comment;
      this.parsedOptions = parsedOptions;
    }
    Method.fromJSON = function fromJSON(name, json) {
      return new Method(name, json.type, json.requestType, json.responseType, json.requestStream, json.responseStream, json.options, json.comment, json.parsedOptions);
    };
    Method.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "type",
        this.type !== "rpc" && /* istanbul ignore next */
        this.type || void 0,
        "requestType",
        this.requestType,
        "requestStream",
        this.requestStream,
        "responseType",
        this.responseType,
        "responseStream",
        this.responseStream,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0,
        "parsedOptions",
        this.parsedOptions
      ]);
    };
    Method.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.parent) {
        var serviceName = this.parent.fullName;
        if (serviceName.charAt(0) === ".")
          serviceName = serviceName.substring(1);
        this.path = "/" + serviceName + "/" + this.name;
      } else
        this.path = "/" + this.name;
      this.resolvedRequestType = this.parent.lookupType(this.requestType);
      this.resolvedResponseType = this.parent.lookupType(this.responseType);
      return ReflectionObject.prototype.resolve.call(this);
    };
  }
});

// node_modules/protobufjs/src/service.js
var require_service2 = __commonJS({
  "node_modules/protobufjs/src/service.js"(exports, module) {
    "use strict";
    module.exports = Service;
    var Namespace = require_namespace();
    Service.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Service,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Service.className = "Service";
    var Method = require_method();
    var util = require_util();
    var rpc = require_rpc();
    function Service(name, options) {
      Namespace.call(this, name, options);
      this.methods = {};
      this._methodsArray = null;
    }
    Service.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      var service = new Service(name, json.options);
      if (json.methods)
        for (var names = Object.keys(json.methods), i = 0; i < names.length; ++i)
          service.add(Method.fromJSON(names[i], json.methods[names[i]]));
      if (json.nested)
        service.addJSON(json.nested, depth);
      if (json.edition)
        service._edition = json.edition;
      service.comment = json.comment;
      service._defaultEdition = "proto3";
      return service;
    };
    Service.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "methods",
        Namespace.arrayToJSON(this.methodsArray, toJSONOptions) || /* istanbul ignore next */
        {},
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Object.defineProperty(Service.prototype, "methodsArray", {
      get: function() {
        return this._methodsArray || (this._methodsArray = util.toArray(this.methods));
      }
    });
    function clearCache(service) {
      service._methodsArray = null;
      return service;
    }
    Service.prototype.get = function get(name) {
      return Object.prototype.hasOwnProperty.call(this.methods, name) ? this.methods[name] : Namespace.prototype.get.call(this, name);
    };
    Service.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolve.call(this);
      var methods = this.methodsArray;
      for (var i = 0; i < methods.length; ++i)
        methods[i].resolve();
      return this;
    };
    Service.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.methodsArray.forEach((method) => {
        method._resolveFeaturesRecursive(edition);
      });
      return this;
    };
    Service.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Method) {
        if (object.name === "__proto__")
          return this;
        this.methods[object.name] = object;
        object.parent = this;
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Service.prototype.remove = function remove(object) {
      if (object instanceof Method) {
        if (this.methods[object.name] !== object)
          throw Error(object + " is not a member of " + this);
        delete this.methods[object.name];
        object.parent = null;
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Service.prototype.create = function create(rpcImpl, requestDelimited, responseDelimited) {
      var rpcService = new rpc.Service(rpcImpl, requestDelimited, responseDelimited);
      for (var i = 0, method; i < /* initializes */
      this.methodsArray.length; ++i) {
        var methodName = util.lcFirst((method = this._methodsArray[i]).resolve().name).replace(/[^$\w_]/g, "");
        rpcService[methodName] = /* @__PURE__ */ (function(method2, requestType, responseType) {
          return function rpcMethod(request, callback) {
            return rpc.Service.prototype.rpcCall.call(this, method2, requestType, responseType, request, callback);
          };
        })(method, method.resolvedRequestType.ctor, method.resolvedResponseType.ctor);
      }
      return rpcService;
    };
  }
});

// node_modules/protobufjs/src/message.js
var require_message = __commonJS({
  "node_modules/protobufjs/src/message.js"(exports, module) {
    "use strict";
    module.exports = Message;
    var util = require_minimal();
    function Message(properties) {
      if (properties) {
        for (var keys = Object.keys(properties), i = 0; i < keys.length; ++i)
          if (properties[keys[i]] != null && keys[i] !== "__proto__")
            this[keys[i]] = properties[keys[i]];
      }
    }
    Message.create = function create(properties) {
      return this.$type.create(properties);
    };
    Message.encode = function encode(message2, writer) {
      return this.$type.encode(message2, writer);
    };
    Message.encodeDelimited = function encodeDelimited(message2, writer) {
      return this.$type.encodeDelimited(message2, writer);
    };
    Message.decode = function decode(reader) {
      return this.$type.decode(reader);
    };
    Message.decodeDelimited = function decodeDelimited(reader) {
      return this.$type.decodeDelimited(reader);
    };
    Message.verify = function verify(message2) {
      return this.$type.verify(message2);
    };
    Message.fromObject = function fromObject(object) {
      return this.$type.fromObject(object);
    };
    Message.toObject = function toObject(message2, options) {
      return this.$type.toObject(message2, options);
    };
    Message.prototype.toJSON = function toJSON() {
      return this.$type.toObject(this, util.toJSONOptions);
    };
  }
});

// node_modules/protobufjs/src/decoder.js
var require_decoder = __commonJS({
  "node_modules/protobufjs/src/decoder.js"(exports, module) {
    "use strict";
    module.exports = decoder;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function missing(field) {
      return "missing required '" + field.name + "'";
    }
    function stringMethod(field) {
      return field._features.utf8_validation === "VERIFY" ? "stringVerify" : "string";
    }
    function genPreserveUnknown(gen, ref) {
      return gen("if(!r.discardUnknown){")('util.makeProp(m,"$unknowns",false);')("(m.$unknowns||(m.$unknowns=[])).push(%s)", ref)("}");
    }
    function decoder(mtype) {
      var hasMapField = false, needsValueVar = false, i = 0;
      for (; i < mtype.fieldsArray.length; ++i) {
        var pfield = mtype._fieldsArray[i];
        if (pfield.map)
          hasMapField = true;
        if (pfield.resolvedType instanceof Enum || !pfield.repeated && !pfield.map && !pfield.hasPresence)
          needsValueVar = true;
      }
      var gen = util.codegen(["r", "l", "z", "q", "g"])("if(!(r instanceof Reader))")("r=Reader.create(r)")("if(q===undefined)q=0")("if(q>Reader.recursionLimit)")('throw Error("max depth exceeded")')("var c,m" + (hasMapField ? ",k,v" : needsValueVar ? ",v" : ""))("if(l===undefined)")("c=r.len")("else{")("c=r.pos+l")("if(c>r.len)")('throw RangeError("index out of range")')("l=r.len")("r.len=c")("}")("m=g||new C")("while(r.pos<c){")("var s=r.pos")("var t=r.tag()")("if(t===z){")("z=undefined")("break")("}");
      if (mtype.fieldsArray.length) gen("var u=t&7")("switch(t>>>=3){");
      for (i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), type = field.resolvedType instanceof Enum ? "int32" : field.type, ref = "m" + util.safeProp(field.name), closed = field.resolvedType instanceof Enum && field.resolvedType._features.enum_type === "CLOSED";
        if (field.map) {
          gen("case %i:{", field.id)("if(u!==2)")("break");
          if (!closed) gen("if(%s===util.emptyObject)", ref)("%s={}", ref);
          gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2");
          if (types.defaults[field.keyType] !== void 0) gen("k=%j", types.defaults[field.keyType]);
          else gen("k=null");
          if (types.long[type] !== void 0) gen("v=util.Long?util.Long.fromNumber(0,%j):0", type === "uint64" || type === "fixed64");
          else if (types.defaults[type] !== void 0) gen("v=%j", types.defaults[type]);
          else gen("v=null");
          gen("while(r.pos<c2){")("var t2=r.tag()")("u=t2&7")("switch(t2>>>=3){")("case 1:")("if(u!==%i)", types.mapKey[field.keyType])("break")("k=r.%s()", field.keyType === "string" ? stringMethod(field) : field.keyType)("continue")("case 2:")("if(u!==%i)", types.basic[type] === void 0 ? 2 : types.basic[type])("break");
          if (types.basic[type] === void 0) gen("v=types[%i].decode(r,r.size(),undefined,q+1,v)", i);
          else gen("v=r.%s()", type === "string" ? stringMethod(field) : type);
          gen("continue")("}")("r.skipType(u,q,t2)")("}");
          gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
          if (closed) {
            gen("if(types[%i].valuesById[v]===undefined){", i);
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("continue")("}")("if(%s===util.emptyObject)", ref)("%s={}", ref);
          }
          var val = types.basic[type] === void 0 ? "v||new types[" + i + "].ctor" : "v";
          if (types.long[field.keyType] !== void 0) gen('%s[typeof k==="object"?util.longToHash(k):k]=%s', ref, val);
          else {
            if (field.keyType === "string") gen('if(k==="__proto__")')("util.makeProp(%s,k)", ref);
            gen("%s[k]=%s", ref, val);
          }
        } else if (field.repeated) {
          gen("case %i:", field.id)("{");
          if (types.packed[type] !== void 0) {
            gen("if(u===2){");
            if (closed) {
              gen("var c2=r.size()+r.pos")("if(c2>r.len)")('throw RangeError("index out of range")')("r.len=c2")("while(r.pos<c2){")("s=r.pos")("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
              genPreserveUnknown(gen, "util.rawField(" + field.id + ",0,r.raw(s,r.pos))")("}");
              gen("if(r.pos!==c2)")('throw RangeError("index out of range")')("r.len=c");
            } else gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("r.%ss(%s)", type, ref);
            gen("continue")("}");
          }
          gen("if(u!==%i)", types.basic[type] === void 0 ? field.delimited ? 3 : 2 : types.basic[type])("break");
          if (!closed) gen("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref);
          if (types.basic[type] === void 0) {
            if (field.delimited) gen("%s.push(types[%i].decode(r,undefined,%i,q+1))", ref, i, field.id * 8 + 4);
            else gen("%s.push(types[%i].decode(r,r.size(),undefined,q+1))", ref, i);
          } else if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(!(%s&&%s.length))", ref, ref)("%s=[]", ref)("%s.push(v)", ref)("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s.push(r.%s())", ref, type === "string" ? stringMethod(field) : type);
        } else if (types.basic[type] === void 0) {
          gen("case %i:{", field.id)("if(u!==%i)", field.delimited ? 3 : 2)("break");
          if (field.delimited) gen("%s=types[%i].decode(r,undefined,%i,q+1,%s)", ref, i, field.id * 8 + 4, ref);
          else gen("%s=types[%i].decode(r,r.size(),undefined,q+1,%s)", ref, i, ref);
        } else if (field.hasPresence) {
          gen("case %i:{", field.id)("if(u!==%i)", types.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("%s=v", ref);
            if (field.partOf) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
            gen("}else");
            genPreserveUnknown(gen, "r.raw(s,r.pos)");
          } else gen("%s=r.%s()", ref, type === "string" ? stringMethod(field) : type);
        } else {
          gen("case %i:{", field.id)("if(u!==%i)", types.basic[type])("break");
          if (closed) {
            gen("v=r.%s()", type)("if(types[%i].valuesById[v]!==undefined){", i)("if(v!==%j)", field.typeDefault)("%s=v", ref)("else")("delete %s", ref)("}else{");
            genPreserveUnknown(gen, "r.raw(s,r.pos)")("}");
          } else {
            if (field.resolvedType instanceof Enum && field.typeDefault !== 0) gen("if((v=r.%s())!==%j)", type, field.typeDefault);
            else if (type === "string") gen("if((v=r.%s()).length)", stringMethod(field));
            else if (type === "bytes") gen("if((v=r.%s()).length)", type);
            else if (types.long[type] !== void 0) gen('if(typeof(v=r.%s())==="object"?v.low||v.high:v!==0)', type);
            else if (type === "double" || type === "float") gen("if(!Object.is(v=r.%s(),0))", type);
            else gen("if(v=r.%s())", type);
            gen("%s=v", ref)("else")("delete %s", ref);
          }
        }
        if (field.partOf && !closed) gen("m%s=%j", util.safeProp(field.partOf.name), field.name);
        gen("continue")("}");
      }
      if (i) gen("}");
      gen("r.skipType(%s,q,t)", i ? "u" : "t&7");
      genPreserveUnknown(gen, "r.raw(s,r.pos)")("}")("if(l!==undefined){")("if(r.pos!==c)")('throw RangeError("index out of range")')("r.len=l")("}")("if(z!==undefined)")('throw Error("missing end group")');
      for (i = 0; i < mtype._fieldsArray.length; ++i) {
        var rfield = mtype._fieldsArray[i];
        if (rfield.required) gen("if(!Object.hasOwnProperty.call(m,%j))", rfield.name)("throw util.ProtocolError(%j,{instance:m})", missing(rfield));
      }
      return gen("return m");
    }
  }
});

// node_modules/protobufjs/src/verifier.js
var require_verifier = __commonJS({
  "node_modules/protobufjs/src/verifier.js"(exports, module) {
    "use strict";
    module.exports = verifier;
    var Enum = require_enum();
    var util = require_util();
    function invalid(field, expected) {
      return field.name + ": " + expected + (field.repeated && expected !== "array" ? "[]" : field.map && expected !== "object" ? "{k:" + field.keyType + "}" : "") + " expected";
    }
    function genVerifyValue(gen, field, fieldIndex, ref) {
      var resolvedType = field.resolvedType;
      if (resolvedType) {
        if (resolvedType instanceof Enum) {
          if (resolvedType._features.enum_type === "CLOSED") {
            gen("switch(%s){", ref)("default:")("return%j", invalid(field, "enum value"));
            for (var keys = Object.keys(resolvedType.values), j = 0; j < keys.length; ++j) gen("case %i:", resolvedType.values[keys[j]]);
            gen("break")("}");
          } else gen('if(typeof %s!=="number"||(%s|0)!==%s)', ref, ref, ref)("return%j", invalid(field, "enum value"));
        } else {
          gen("{")("var e=types[%i].verify(%s,q+1);", fieldIndex, ref)("if(e)")("return%j+e", field.name + ".")("}");
        }
      } else {
        switch (field.type) {
          case "int32":
          case "uint32":
          case "sint32":
          case "fixed32":
          case "sfixed32":
            gen("if(!util.isInteger(%s))", ref)("return%j", invalid(field, "integer"));
            break;
          case "int64":
          case "uint64":
          case "sint64":
          case "fixed64":
          case "sfixed64":
            gen("if(!util.isInteger(%s)&&!(%s&&util.isInteger(%s.low)&&util.isInteger(%s.high)))", ref, ref, ref, ref)("return%j", invalid(field, "integer|Long"));
            break;
          case "float":
          case "double":
            gen('if(typeof %s!=="number")', ref)("return%j", invalid(field, "number"));
            break;
          case "bool":
            gen('if(typeof %s!=="boolean")', ref)("return%j", invalid(field, "boolean"));
            break;
          case "string":
            gen("if(!util.isString(%s))", ref)("return%j", invalid(field, "string"));
            break;
          case "bytes":
            gen('if(!(%s&&typeof %s.length==="number"||util.isString(%s)))', ref, ref, ref)("return%j", invalid(field, "buffer"));
            break;
        }
      }
      return gen;
    }
    function genVerifyKey(gen, field, ref) {
      switch (field.keyType) {
        case "int32":
        case "uint32":
        case "sint32":
        case "fixed32":
        case "sfixed32":
          gen("if(!util.key32Re.test(%s))", ref)("return%j", invalid(field, "integer key"));
          break;
        case "int64":
        case "uint64":
        case "sint64":
        case "fixed64":
        case "sfixed64":
          gen("if(!util.key64Re.test(%s))", ref)("return%j", invalid(field, "integer|Long key"));
          break;
        case "bool":
          gen("if(!util.key2Re.test(%s))", ref)("return%j", invalid(field, "boolean key"));
          break;
      }
      return gen;
    }
    function verifier(mtype) {
      var gen = util.codegen(["m", "q"])('if(typeof m!=="object"||m===null)')("return%j", "object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")("return%j", "max depth exceeded");
      var oneofs = mtype.oneofsArray, seenFirstField = {};
      if (oneofs.length) gen("var p={}");
      for (var i = 0; i < /* initializes */
      mtype.fieldsArray.length; ++i) {
        var field = mtype._fieldsArray[i].resolve(), ref = "m" + util.safeProp(field.name);
        if (field.optional) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name);
        if (field.map) {
          gen("if(!util.isObject(%s))", ref)("return%j", invalid(field, "object"))("var k=Object.keys(%s)", ref)("for(var i=0;i<k.length;++i){");
          genVerifyKey(gen, field, "k[i]");
          genVerifyValue(gen, field, i, ref + "[k[i]]")("}");
        } else if (field.repeated) {
          gen("if(!Array.isArray(%s))", ref)("return%j", invalid(field, "array"))("for(var i=0;i<%s.length;++i){", ref);
          genVerifyValue(gen, field, i, ref + "[i]")("}");
        } else {
          if (field.partOf) {
            var oneofProp = util.safeProp(field.partOf.name);
            if (seenFirstField[field.partOf.name] === 1) gen("if(p%s===1)", oneofProp)("return%j", field.partOf.name + ": multiple values");
            seenFirstField[field.partOf.name] = 1;
            gen("p%s=1", oneofProp);
          }
          genVerifyValue(gen, field, i, ref);
        }
        if (field.optional) gen("}");
      }
      return gen("return null");
    }
  }
});

// node_modules/protobufjs/src/converter.js
var require_converter = __commonJS({
  "node_modules/protobufjs/src/converter.js"(exports) {
    "use strict";
    var converter = exports;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function genValuePartial_fromObject(gen, field, fieldIndex, prop, dstProp) {
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) {
          var dst = dstProp ? "m" + dstProp + "[m" + dstProp + ".length]" : "m" + prop;
          gen("switch(d%s){", prop);
          for (var values = field.resolvedType.values, keys = Object.keys(values), i = 0; i < keys.length; ++i) {
            gen("case%j:", keys[i])("case %i:", values[keys[i]])("%s=%j", dst, values[keys[i]])("break");
          }
          gen("default:");
          if (field.resolvedType._features.enum_type !== "CLOSED") {
            gen('if(typeof d%s==="number"&&(d%s|0)===d%s)', prop, prop, prop)("%s=d%s", dst, prop);
          }
          gen("}");
        } else gen("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s=types[%i].fromObject(d%s,q+1)", prop, fieldIndex, prop);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("m%s=Number(d%s)", prop, prop);
            break;
          case "uint32":
          case "fixed32":
            gen("m%s=d%s>>>0", prop, prop);
            break;
          case "int32":
          case "sint32":
          case "sfixed32":
            gen("m%s=d%s|0", prop, prop);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen("if(util.Long)")("m%s=util.Long.fromValue(d%s,%j)", prop, prop, isUnsigned)('else if(typeof d%s==="string")', prop)("m%s=parseInt(d%s,10)", prop, prop)('else if(typeof d%s==="number")', prop)("m%s=d%s", prop, prop)('else if(typeof d%s==="object")', prop)("m%s=new util.LongBits(d%s.low>>>0,d%s.high>>>0).toNumber(%s)", prop, prop, prop, isUnsigned ? "true" : "");
            break;
          case "bytes":
            gen('if(typeof d%s==="string")', prop)("util.base64.decode(d%s,m%s=util.newBuffer(util.base64.length(d%s)),0)", prop, prop, prop)("else if(d%s.length>=0)", prop)("m%s=d%s", prop, prop);
            break;
          case "string":
            gen("m%s=String(d%s)", prop, prop);
            break;
          case "bool":
            gen("m%s=Boolean(d%s)", prop, prop);
            break;
        }
      }
      return gen;
    }
    converter.fromObject = function fromObject(mtype) {
      var fields = mtype.fieldsArray;
      var gen = util.codegen(["d", "q"])("if(d instanceof C)")("return d")("if(!util.isObject(d))")("throw TypeError(%j)", mtype.fullName + ": object expected")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      if (!fields.length) return gen("return new C");
      gen("var m=new C");
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), prop = util.safeProp(field.name), implicitPresence = !field.hasPresence && !field.repeated && !field.map && (field.resolvedType instanceof Enum || types.basic[field.type] !== void 0);
        if (field.map) {
          gen("if(d%s){", prop)("if(!util.isObject(d%s))", prop)("throw TypeError(%j)", field.fullName + ": object expected")("m%s={}", prop)("for(var ks=Object.keys(d%s),i=0;i<ks.length;++i){", prop);
          gen('if(ks[i]==="__proto__")')("util.makeProp(m%s,ks[i])", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[ks[i]]"
          )("}")("}");
        } else if (field.repeated) {
          gen("if(d%s){", prop)("if(!Array.isArray(d%s))", prop)("throw TypeError(%j)", field.fullName + ": array expected");
          if (field.resolvedType instanceof Enum) gen("m%s=[]", prop);
          else gen("m%s=Array(d%s.length)", prop, prop);
          gen("for(var i=0;i<d%s.length;++i){", prop);
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop + "[i]",
            field.resolvedType instanceof Enum ? prop : void 0
          )("}")("}");
        } else {
          if (!(field.resolvedType instanceof Enum)) gen("if(d%s!=null){", prop);
          if (implicitPresence) {
            if (field.resolvedType instanceof Enum) gen('if(d%s!==%j&&(typeof d%s!=="string"||types[%i].values[d%s]!==%j)){', prop, field.typeDefault, prop, i, prop, field.typeDefault);
            else if (field.type === "string") gen('if(typeof d%s!=="string"||d%s.length){', prop, prop);
            else if (field.type === "bytes") gen("if(d%s.length){", prop);
            else if (field.type === "bool") gen("if(d%s){", prop);
            else if (field.type === "double" || field.type === "float") gen("if(!Object.is(Number(d%s),0)){", prop);
            else if (types.long[field.type] !== void 0) gen('if(typeof d%s==="object"?d%s.low||d%s.high:Number(d%s)!==0){', prop, prop, prop, prop);
            else gen("if(Number(d%s)!==0){", prop);
          }
          genValuePartial_fromObject(
            gen,
            field,
            /* not sorted */
            i,
            prop
          );
          if (implicitPresence) gen("}");
          if (!(field.resolvedType instanceof Enum)) gen("}");
        }
      }
      return gen("return m");
    };
    function genValuePartial_toObject(gen, field, fieldIndex, dstProp, srcProp) {
      if (!srcProp)
        srcProp = dstProp;
      if (field.resolvedType) {
        if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?(types[%i].values[m%s]===undefined?m%s:types[%i].values[m%s]):m%s", dstProp, fieldIndex, srcProp, srcProp, fieldIndex, srcProp, srcProp);
        else gen("d%s=types[%i].toObject(m%s,o,q+1)", dstProp, fieldIndex, srcProp);
      } else {
        var isUnsigned = false;
        switch (field.type) {
          case "double":
          case "float":
            gen("d%s=o.json&&!isFinite(m%s)?String(m%s):m%s", dstProp, srcProp, srcProp, srcProp);
            break;
          case "uint64":
          case "fixed64":
            isUnsigned = true;
          // eslint-disable-next-line no-fallthrough
          case "int64":
          case "sint64":
          case "sfixed64":
            gen('if(typeof BigInt!=="undefined"&&o.longs===BigInt)')('d%s=typeof m%s==="number"?BigInt(m%s):util.Long.fromBits(m%s.low>>>0,m%s.high>>>0,%j).toBigInt()', dstProp, srcProp, srcProp, srcProp, srcProp, isUnsigned)('else if(typeof m%s==="number")', srcProp)("d%s=o.longs===String?String(m%s):m%s", dstProp, srcProp, srcProp)("else")("d%s=o.longs===String?util.Long.prototype.toString.call(m%s):o.longs===Number?new util.LongBits(m%s.low>>>0,m%s.high>>>0).toNumber(%s):m%s", dstProp, srcProp, srcProp, srcProp, isUnsigned ? "true" : "", srcProp);
            break;
          case "bytes":
            gen("d%s=o.bytes===String?util.base64.encode(m%s,0,m%s.length):o.bytes===Array?Array.prototype.slice.call(m%s):m%s", dstProp, srcProp, srcProp, srcProp, srcProp);
            break;
          default:
            gen("d%s=m%s", dstProp, srcProp);
            break;
        }
      }
      return gen;
    }
    converter.toObject = function toObject(mtype) {
      var fields = mtype.fieldsArray.slice().sort(util.compareFieldsById);
      if (!fields.length)
        return util.codegen()("return {}");
      var gen = util.codegen(["m", "o", "q"])("if(!o)")("o={}")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")')("var d={}");
      var repeatedFields = [], mapFields = [], normalFields = [], i = 0;
      for (; i < fields.length; ++i)
        if (!fields[i].partOf)
          (fields[i].resolve().repeated ? repeatedFields : fields[i].map ? mapFields : normalFields).push(fields[i]);
      if (repeatedFields.length) {
        gen("if(o.arrays||o.defaults){");
        for (i = 0; i < repeatedFields.length; ++i) gen("d%s=[]", util.safeProp(repeatedFields[i].name));
        gen("}");
      }
      if (mapFields.length) {
        gen("if(o.objects||o.defaults){");
        for (i = 0; i < mapFields.length; ++i) gen("d%s={}", util.safeProp(mapFields[i].name));
        gen("}");
      }
      if (normalFields.length) {
        gen("if(o.defaults){");
        for (i = 0; i < normalFields.length; ++i) {
          var field = normalFields[i], prop = util.safeProp(field.name);
          if (field.resolvedType instanceof Enum) gen("d%s=o.enums===String?%j:%j", prop, field.resolvedType.valuesById[field.typeDefault], field.typeDefault);
          else if (field.long) gen("if(util.Long){")("var n=new util.Long(%i,%i,%j)", field.typeDefault.low, field.typeDefault.high, field.typeDefault.unsigned)('d%s=o.longs===String?n.toString():o.longs===Number?n.toNumber():typeof BigInt!=="undefined"&&o.longs===BigInt?n.toBigInt():n', prop)("}else")('d%s=o.longs===String?%j:typeof BigInt!=="undefined"&&o.longs===BigInt?BigInt(%j):%i', prop, field.typeDefault.toString(), field.typeDefault.toString(), field.typeDefault.toNumber());
          else if (field.bytes) {
            var arrayDefault = Array.prototype.slice.call(field.typeDefault);
            gen("if(o.bytes===String)d%s=%j", prop, util.base64.encode(field.typeDefault, 0, field.typeDefault.length))("else{")("d%s=%j", prop, arrayDefault)("if(o.bytes!==Array)d%s=util.newBuffer(d%s)", prop, prop)("}");
          } else if ((field.type === "double" || field.type === "float") && typeof field.typeDefault === "number" && (!isFinite(field.typeDefault) || Object.is(field.typeDefault, -0))) gen("d%s=%f", prop, field.typeDefault)("if(o.json&&!isFinite(d%s))d%s=String(d%s)", prop, prop, prop);
          else gen("d%s=%j", prop, field.typeDefault);
        }
        gen("}");
      }
      var hasKs2 = false;
      for (i = 0; i < fields.length; ++i) {
        var field = fields[i], index = mtype._fieldsArray.indexOf(field), prop = util.safeProp(field.name);
        if (field.map) {
          if (!hasKs2) {
            hasKs2 = true;
            gen("var ks2");
          }
          gen("if(m%s&&(ks2=Object.keys(m%s)).length){", prop, prop)("d%s={}", prop);
          var longKey = types.long[field.keyType] !== void 0, srcProp = prop + "[ks2[j]]";
          gen("for(var j=0;j<ks2.length;++j){");
          if (longKey) gen("var k2=util.longFromKey(ks2[j],%j).toString()", field.keyType === "uint64" || field.keyType === "fixed64");
          gen('if(ks2[j]==="__proto__")')("util.makeProp(d%s,ks2[j])", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            longKey ? prop + "[k2]" : srcProp,
            srcProp
          )("}");
        } else if (field.repeated) {
          gen("if(m%s&&m%s.length){", prop, prop)("d%s=Array(m%s.length)", prop, prop)("for(var j=0;j<m%s.length;++j){", prop);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop + "[j]"
          )("}");
        } else {
          gen("if(m%s!=null&&Object.hasOwnProperty.call(m,%j)){", prop, field.name);
          genValuePartial_toObject(
            gen,
            field,
            /* sorted */
            index,
            prop
          );
          if (field.partOf && !field.partOf.isProto3Optional) gen("if(o.oneofs)")("d%s=%j", util.safeProp(field.partOf.name), field.name);
        }
        gen("}");
      }
      return gen("return d");
    };
  }
});

// node_modules/protobufjs/src/wrappers.js
var require_wrappers = __commonJS({
  "node_modules/protobufjs/src/wrappers.js"(exports) {
    "use strict";
    var wrappers = exports;
    var Message = require_message();
    var util = require_minimal();
    wrappers[".google.protobuf.Any"] = {
      fromObject: function(object, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        if (object && object["@type"]) {
          var name = object["@type"].substring(object["@type"].lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type) {
            var type_url = object["@type"].charAt(0) === "." ? object["@type"].slice(1) : object["@type"];
            if (type_url.indexOf("/") === -1) {
              type_url = "/" + type_url;
            }
            return this.create({
              type_url,
              value: type.encode(type.fromObject(object, depth + 1)).finish()
            });
          }
        }
        return this.fromObject(object, depth);
      },
      toObject: function(message2, options, depth) {
        if (depth === void 0)
          depth = 0;
        if (depth > util.recursionLimit)
          throw Error("max depth exceeded");
        var googleApi = "type.googleapis.com/";
        var prefix = "";
        var name = "";
        if (options && options.json && message2.type_url && message2.value) {
          name = message2.type_url.substring(message2.type_url.lastIndexOf("/") + 1);
          prefix = message2.type_url.substring(0, message2.type_url.lastIndexOf("/") + 1);
          var type = this.lookup(name, [this.constructor]);
          if (type)
            message2 = type.decode(message2.value, void 0, void 0, depth + 1);
        }
        if (!(message2 instanceof this.ctor) && message2 instanceof Message) {
          var object = message2.$type.toObject(message2, options, depth + 1);
          var messageName = message2.$type.fullName[0] === "." ? message2.$type.fullName.slice(1) : message2.$type.fullName;
          if (prefix === "") {
            prefix = googleApi;
          }
          name = prefix + messageName;
          object["@type"] = name;
          return object;
        }
        return this.toObject(message2, options, depth);
      }
    };
  }
});

// node_modules/protobufjs/src/type.js
var require_type = __commonJS({
  "node_modules/protobufjs/src/type.js"(exports, module) {
    "use strict";
    module.exports = Type;
    var Namespace = require_namespace();
    Type.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Type,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Type.className = "Type";
    var Enum = require_enum();
    var OneOf = require_oneof();
    var Field = require_field();
    var MapField = require_mapfield();
    var Service = require_service2();
    var Message = require_message();
    var Reader = require_reader();
    var Writer = require_writer();
    var util = require_util();
    var encoder = require_encoder();
    var decoder = require_decoder();
    var verifier = require_verifier();
    var converter = require_converter();
    var wrappers = require_wrappers();
    function Type(name, options) {
      name = name.replace(/\W/g, "");
      Namespace.call(this, name, options);
      this.fields = {};
      this.oneofs = void 0;
      this.extensions = void 0;
      this.reserved = void 0;
      this.group = void 0;
      this.visibility = void 0;
      this._fieldsById = null;
      this._fieldsArray = null;
      this._oneofsArray = null;
      this._ctor = null;
      this._fieldsByJsonName = null;
    }
    Object.defineProperties(Type.prototype, {
      /**
       * Message fields by id.
       * @name Type#fieldsById
       * @type {Object.<number,Field>}
       * @readonly
       */
      fieldsById: {
        get: function() {
          if (this._fieldsById)
            return this._fieldsById;
          this._fieldsById = {};
          for (var names = Object.keys(this.fields), i = 0; i < names.length; ++i) {
            var field = this.fields[names[i]], id = field.id;
            if (this._fieldsById[id])
              throw Error("duplicate id " + id + " in " + this);
            this._fieldsById[id] = field;
          }
          return this._fieldsById;
        }
      },
      /**
       * Fields of this message as an array for iteration.
       * @name Type#fieldsArray
       * @type {Field[]}
       * @readonly
       */
      fieldsArray: {
        get: function() {
          return this._fieldsArray || (this._fieldsArray = util.toArray(this.fields));
        }
      },
      /**
       * Oneofs of this message as an array for iteration.
       * @name Type#oneofsArray
       * @type {OneOf[]}
       * @readonly
       */
      oneofsArray: {
        get: function() {
          return this._oneofsArray || (this._oneofsArray = util.toArray(this.oneofs));
        }
      },
      /**
       * The registered constructor, if any registered, otherwise a generic constructor.
       * Assigning a function replaces the internal constructor. If the function does not extend {@link Message} yet, its prototype will be setup accordingly and static methods will be populated. If it already extends {@link Message}, it will just replace the internal constructor.
       * When assigning manually, add the type to its parent namespace/root first if fields reference other reflected types, because constructor setup resolves field defaults.
       * @name Type#ctor
       * @type {Constructor<{}>}
       */
      ctor: {
        get: function() {
          return this._ctor || (this.ctor = Type.generateConstructor(this)());
        },
        set: function(ctor) {
          var prototype = ctor.prototype;
          if (!(prototype instanceof Message)) {
            ctor.prototype = new Message();
            Object.defineProperty(ctor.prototype, "constructor", {
              value: ctor,
              writable: true,
              enumerable: false,
              configurable: true
            });
            util.merge(ctor.prototype, prototype);
          }
          ctor.$type = ctor.prototype.$type = this;
          util.merge(ctor, Message, true);
          this._ctor = ctor;
          delete this.decode;
          delete this.fromObject;
          var i = 0;
          for (var field; i < /* initializes */
          this.fieldsArray.length; ++i) {
            field = this._fieldsArray[i].resolve();
            ctor.prototype[field.name] = field.defaultValue;
          }
          var ctorProperties = {};
          for (i = 0; i < /* initializes */
          this.oneofsArray.length; ++i)
            ctorProperties[this._oneofsArray[i].resolve().name] = {
              get: util.oneOfGetter(this._oneofsArray[i].oneof),
              set: util.oneOfSetter(this._oneofsArray[i].oneof)
            };
          if (i)
            Object.defineProperties(ctor.prototype, ctorProperties);
        }
      }
    });
    Type.generateConstructor = function generateConstructor(mtype) {
      var gen = util.codegen(["p"]);
      for (var i = 0, field; i < mtype.fieldsArray.length; ++i)
        if ((field = mtype._fieldsArray[i]).map) gen("this%s={}", util.safeProp(field.name));
        else if (field.repeated) gen("this%s=[]", util.safeProp(field.name));
      return gen('if(p)for(var ks=Object.keys(p),i=0;i<ks.length;++i)if(p[ks[i]]!=null&&ks[i]!=="__proto__")')("this[ks[i]]=p[ks[i]]");
    };
    function clearCache(type) {
      type._fieldsById = type._fieldsArray = type._oneofsArray = type._fieldsByJsonName = null;
      delete type.encode;
      delete type.decode;
      delete type.verify;
      return type;
    }
    Type.fromJSON = function fromJSON(name, json, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.nestingLimit)
        throw Error("max depth exceeded");
      var type = new Type(name, json.options);
      type.extensions = json.extensions;
      type.reserved = json.reserved;
      var names = Object.keys(json.fields), i = 0;
      for (; i < names.length; ++i)
        type.add(
          (typeof json.fields[names[i]].keyType !== "undefined" ? MapField.fromJSON : Field.fromJSON)(names[i], json.fields[names[i]])
        );
      if (json.oneofs)
        for (names = Object.keys(json.oneofs), i = 0; i < names.length; ++i)
          type.add(OneOf.fromJSON(names[i], json.oneofs[names[i]]));
      if (json.nested)
        for (names = Object.keys(json.nested), i = 0; i < names.length; ++i) {
          var nested = json.nested[names[i]];
          type.add(
            // most to least likely
            (nested.id !== void 0 ? Field.fromJSON : nested.fields !== void 0 ? Type.fromJSON : nested.values !== void 0 ? Enum.fromJSON : nested.methods !== void 0 ? Service.fromJSON : Namespace.fromJSON)(names[i], nested, depth + 1)
          );
        }
      if (json.extensions && json.extensions.length)
        type.extensions = json.extensions;
      if (json.reserved && json.reserved.length)
        type.reserved = json.reserved;
      if (json.group)
        type.group = true;
      if (json.visibility)
        type.visibility = json.visibility;
      if (json.comment)
        type.comment = json.comment;
      if (json.edition)
        type._edition = json.edition;
      type._defaultEdition = "proto3";
      return type;
    };
    Type.prototype.toJSON = function toJSON(toJSONOptions) {
      var inherited = Namespace.prototype.toJSON.call(this, toJSONOptions);
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        inherited && inherited.options || void 0,
        "oneofs",
        Namespace.arrayToJSON(this.oneofsArray, toJSONOptions),
        "fields",
        Namespace.arrayToJSON(this.fieldsArray.filter(function(obj) {
          return !obj.declaringField;
        }), toJSONOptions) || {},
        "extensions",
        this.extensions && this.extensions.length ? this.extensions : void 0,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "group",
        this.group || void 0,
        "visibility",
        this.visibility,
        "nested",
        inherited && inherited.nested || void 0,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Type.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      Namespace.prototype.resolveAll.call(this);
      var oneofs = this.oneofsArray;
      i = 0;
      while (i < oneofs.length)
        oneofs[i++].resolve();
      var fields = this.fieldsArray, i = 0;
      while (i < fields.length)
        fields[i++].resolve();
      return this;
    };
    Type.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      if (!this._needsRecursiveFeatureResolution) return this;
      edition = this._edition || edition;
      Namespace.prototype._resolveFeaturesRecursive.call(this, edition);
      this.oneofsArray.forEach((oneof) => {
        oneof._resolveFeatures(edition);
      });
      this.fieldsArray.forEach((field) => {
        field._resolveFeatures(edition);
      });
      return this;
    };
    Type.prototype.get = function get(name) {
      if (Object.prototype.hasOwnProperty.call(this.fields, name))
        return this.fields[name];
      if (this.oneofs && Object.prototype.hasOwnProperty.call(this.oneofs, name))
        return this.oneofs[name];
      if (this.nested && Object.prototype.hasOwnProperty.call(this.nested, name))
        return this.nested[name];
      return null;
    };
    Type.prototype.add = function add(object) {
      if (this.get(object.name))
        throw Error("duplicate name '" + object.name + "' in " + this);
      if (object instanceof Field && object.extend === void 0) {
        if (this._fieldsById ? (
          /* istanbul ignore next */
          this._fieldsById[object.id]
        ) : this.fieldsById[object.id])
          throw Error("duplicate id " + object.id + " in " + this);
        if (this.isReservedId(object.id))
          throw Error("id " + object.id + " is reserved in " + this);
        if (this.isReservedName(object.name) || object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (object.parent)
          object.parent.remove(object);
        this.fields[object.name] = object;
        object.message = this;
        object.onAdd(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (object.name.charAt(0) === "$")
          throw Error("name '" + object.name + "' is reserved in " + this);
        if (object.name === "__proto__")
          return this;
        if (!this.oneofs)
          this.oneofs = {};
        this.oneofs[object.name] = object;
        object.onAdd(this);
        return clearCache(this);
      }
      return Namespace.prototype.add.call(this, object);
    };
    Type.prototype.remove = function remove(object) {
      if (object instanceof Field && object.extend === void 0) {
        if (!util.remove(this.fields, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      if (object instanceof OneOf) {
        if (!util.remove(this.oneofs, object, object.name))
          throw Error(object + " is not a member of " + this);
        object.parent = null;
        object.onRemove(this);
        return clearCache(this);
      }
      return Namespace.prototype.remove.call(this, object);
    };
    Type.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Type.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
    Type.prototype.create = function create(properties) {
      return new this.ctor(properties);
    };
    Type.prototype.setup = function setup() {
      var root2 = this.root;
      if (root2 && root2._needsRecursiveFeatureResolution) {
        var edition = root2._edition || this._edition;
        if (edition)
          root2._resolveFeaturesRecursive(edition);
      }
      var fullName = this.fullName, types = [];
      for (var i = 0; i < /* initializes */
      this.fieldsArray.length; ++i)
        types.push(this._fieldsArray[i].resolve().resolvedType);
      this.encode = encoder(this)({
        Writer,
        types,
        util
      });
      this.decode = decoder(this)({
        Reader,
        types,
        util,
        C: this.ctor
      });
      this.verify = verifier(this)({
        types,
        util
      });
      this.fromObject = converter.fromObject(this)({
        types,
        util,
        C: this.ctor
      });
      this.toObject = converter.toObject(this)({
        types,
        util
      });
      var wrapper = wrappers[fullName];
      if (wrapper) {
        var wrapperThis = Object.create(this);
        wrapperThis._ctor = this.ctor;
        wrapperThis.fromObject = this.fromObject;
        this.fromObject = wrapper.fromObject.bind(wrapperThis);
        wrapperThis.toObject = this.toObject;
        this.toObject = wrapper.toObject.bind(wrapperThis);
      }
      return this;
    };
    Type.prototype.encode = function encode_setup(message2, writer) {
      return this.setup().encode.apply(this, arguments);
    };
    Type.prototype.encodeDelimited = function encodeDelimited(message2, writer) {
      return this.encode(message2, (writer || Writer.create()).fork()).ldelim();
    };
    Type.prototype.decode = function decode_setup(reader, length) {
      return this.setup().decode.apply(this, arguments);
    };
    Type.prototype.decodeDelimited = function decodeDelimited(reader) {
      if (!(reader instanceof Reader))
        reader = Reader.create(reader);
      return this.decode(reader, reader.size());
    };
    Type.prototype.verify = function verify_setup(message2) {
      return this.setup().verify.apply(this, arguments);
    };
    Type.prototype.fromObject = function fromObject(object) {
      return this.setup().fromObject.apply(this, arguments);
    };
    Type.prototype.toObject = function toObject(message2, options) {
      return this.setup().toObject.apply(this, arguments);
    };
    Type.prototype.getTypeUrl = function getTypeUrl(prefix) {
      if (prefix === void 0)
        prefix = "type.googleapis.com";
      var fullName = this.fullName;
      return prefix + "/" + (fullName.charAt(0) === "." ? fullName.substring(1) : fullName);
    };
    Type.d = function decorateType(typeName2) {
      return function typeDecorator(target) {
        util.decorateType(target, typeName2);
      };
    };
  }
});

// node_modules/protobufjs/src/root.js
var require_root = __commonJS({
  "node_modules/protobufjs/src/root.js"(exports, module) {
    "use strict";
    module.exports = Root;
    var Namespace = require_namespace();
    Root.prototype = Object.create(Namespace.prototype, {
      constructor: {
        value: Root,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Root.className = "Root";
    var Field = require_field();
    var Enum = require_enum();
    var OneOf = require_oneof();
    var util = require_util();
    var Type;
    var parse3;
    var common;
    function Root(options) {
      Namespace.call(this, "", options);
      this.deferred = [];
      this.files = [];
      this._edition = "proto2";
      this._fullyQualifiedObjects = {};
    }
    Root.fromJSON = function fromJSON(json, root2, depth) {
      if (depth === void 0)
        depth = 0;
      if (depth > util.recursionLimit)
        throw Error("max depth exceeded");
      if (!root2)
        root2 = new Root();
      if (json.options)
        root2.setOptions(json.options);
      return root2.addJSON(json.nested, depth).resolveAll();
    };
    Root.prototype.resolvePath = util.path.resolve;
    Root.prototype.fetch = util.fetch;
    function SYNC() {
    }
    Root.prototype.load = function load(filename, options, callback) {
      if (typeof options === "function") {
        callback = options;
        options = void 0;
      }
      var self2 = this;
      if (!callback) {
        return util.asPromise(load, self2, filename, options);
      }
      var sync = callback === SYNC;
      function finish(err2, root2) {
        if (!callback) {
          return;
        }
        if (sync) {
          throw err2;
        }
        if (root2) {
          root2.resolveAll();
        }
        var cb = callback;
        callback = null;
        cb(err2, root2);
      }
      function getBundledFileName(filename2) {
        var idx = filename2.lastIndexOf("google/protobuf/");
        if (idx > -1) {
          var altname = filename2.substring(idx);
          if (Object.prototype.hasOwnProperty.call(common, altname)) return altname;
        }
        if (Object.prototype.hasOwnProperty.call(common, filename2)) return filename2;
        return null;
      }
      function process2(filename2, source, depth) {
        if (depth === void 0)
          depth = 0;
        try {
          if (depth > util.recursionLimit)
            throw Error("max depth exceeded");
          if (util.isString(source) && source.charAt(0) === "{")
            source = JSON.parse(source);
          if (!util.isString(source))
            self2.setOptions(source.options).addJSON(source.nested);
          else {
            parse3.filename = filename2;
            var parsed = parse3(source, self2, options), resolved2, i2 = 0;
            if (parsed.imports) {
              for (; i2 < parsed.imports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.imports[i2]) || self2.resolvePath(filename2, parsed.imports[i2]))
                  fetch(resolved2, false, depth + 1);
            }
            if (parsed.weakImports) {
              for (i2 = 0; i2 < parsed.weakImports.length; ++i2)
                if (resolved2 = getBundledFileName(parsed.weakImports[i2]) || self2.resolvePath(filename2, parsed.weakImports[i2]))
                  fetch(resolved2, true, depth + 1);
            }
          }
        } catch (err2) {
          finish(err2);
        }
        if (!sync && !queued) {
          finish(null, self2);
        }
      }
      function fetch(filename2, weak, depth) {
        if (depth === void 0)
          depth = 0;
        filename2 = getBundledFileName(filename2) || filename2;
        if (self2.files.indexOf(filename2) > -1) {
          return;
        }
        self2.files.push(filename2);
        if (Object.prototype.hasOwnProperty.call(common, filename2)) {
          if (sync) {
            process2(filename2, common[filename2], depth);
          } else {
            ++queued;
            setTimeout(function() {
              --queued;
              process2(filename2, common[filename2], depth);
            });
          }
          return;
        }
        if (sync) {
          var source;
          try {
            source = util.fs.readFileSync(filename2).toString("utf8");
          } catch (err2) {
            if (!weak)
              finish(err2);
            return;
          }
          process2(filename2, source, depth);
        } else {
          ++queued;
          self2.fetch(filename2, function(err2, source2) {
            --queued;
            if (!callback) {
              return;
            }
            if (err2) {
              if (!weak)
                finish(err2);
              else if (!queued)
                finish(null, self2);
              return;
            }
            process2(filename2, source2, depth);
          });
        }
      }
      var queued = 0;
      if (util.isString(filename)) {
        filename = [filename];
      }
      for (var i = 0, resolved; i < filename.length; ++i)
        if (resolved = self2.resolvePath("", filename[i]))
          fetch(resolved);
      if (sync) {
        self2.resolveAll();
        return self2;
      }
      if (!queued) {
        finish(null, self2);
      }
      return self2;
    };
    Root.prototype.loadSync = function loadSync(filename, options) {
      if (!util.isNode)
        throw Error("not supported");
      return this.load(filename, options, SYNC);
    };
    Root.prototype.resolveAll = function resolveAll() {
      if (!this._needsRecursiveResolve) return this;
      if (this.deferred.length)
        throw Error("unresolvable extensions: " + this.deferred.map(function(field) {
          return "'extend " + field.extend + "' in " + field.parent.fullName;
        }).join(", "));
      return Namespace.prototype.resolveAll.call(this);
    };
    var exposeRe = /^[A-Z]/;
    function tryHandleExtension(root2, field) {
      var extendedType = field.parent.lookup(field.extend);
      if (extendedType) {
        var sisterField = new Field(field.fullName, field.id, field.type, field.rule, void 0, field.options);
        if (extendedType.get(sisterField.name)) {
          return true;
        }
        sisterField.declaringField = field;
        field.extensionField = sisterField;
        extendedType.add(sisterField);
        return true;
      }
      return false;
    }
    Root.prototype._handleAdd = function _handleAdd(object) {
      if (object instanceof Field) {
        if (
          /* an extension field (implies not part of a oneof) */
          object.extend !== void 0 && /* not already handled */
          !object.extensionField
        ) {
          if (!tryHandleExtension(this, object))
            this.deferred.push(object);
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          object.parent[object.name] = object.values;
      } else if (!(object instanceof OneOf)) {
        if (object instanceof Type)
          for (var i = 0; i < this.deferred.length; )
            if (tryHandleExtension(this, this.deferred[i]))
              this.deferred.splice(i, 1);
            else
              ++i;
        for (var j = 0; j < /* initializes */
        object.nestedArray.length; ++j)
          this._handleAdd(object._nestedArray[j]);
        if (exposeRe.test(object.name))
          object.parent[object.name] = object;
      }
      if (object instanceof Type || object instanceof Enum || object instanceof Field) {
        this._fullyQualifiedObjects[object.fullName] = object;
      }
    };
    Root.prototype._handleRemove = function _handleRemove(object) {
      if (object instanceof Field) {
        if (
          /* an extension field */
          object.extend !== void 0
        ) {
          if (
            /* already handled */
            object.extensionField
          ) {
            object.extensionField.parent.remove(object.extensionField);
            object.extensionField = null;
          } else {
            var index = this.deferred.indexOf(object);
            if (index > -1)
              this.deferred.splice(index, 1);
          }
        }
      } else if (object instanceof Enum) {
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      } else if (object instanceof Namespace) {
        for (var i = 0; i < /* initializes */
        object.nestedArray.length; ++i)
          this._handleRemove(object._nestedArray[i]);
        if (exposeRe.test(object.name))
          delete object.parent[object.name];
      }
      delete this._fullyQualifiedObjects[object.fullName];
    };
    Root._configure = function(Type_, parse_, common_) {
      Type = Type_;
      parse3 = parse_;
      common = common_;
    };
  }
});

// node_modules/protobufjs/src/util.js
var require_util = __commonJS({
  "node_modules/protobufjs/src/util.js"(exports, module) {
    "use strict";
    var util = module.exports = require_minimal();
    var roots = require_roots();
    var Type;
    var Enum;
    util.codegen = require_codegen();
    util.fetch = require_fetch();
    util.path = require_path();
    util.patterns = require_patterns();
    var reservedRe = util.patterns.reservedRe;
    util.fs = require_fs();
    util.toArray = function toArray(object) {
      if (object) {
        var keys = Object.keys(object), array = new Array(keys.length), index = 0;
        while (index < keys.length)
          array[index] = object[keys[index++]];
        return array;
      }
      return [];
    };
    util.toObject = function toObject(array) {
      var object = {}, index = 0;
      while (index < array.length) {
        var key = array[index++], val = array[index++];
        if (val !== void 0)
          object[key] = val;
      }
      return object;
    };
    util.remove = function remove(object, value, key) {
      if (!object)
        return false;
      if (key !== void 0 && Object.prototype.hasOwnProperty.call(object, key) && object[key] === value) {
        delete object[key];
        return true;
      }
      for (var names = Object.keys(object), i = 0; i < names.length; ++i)
        if (object[names[i]] === value) {
          delete object[names[i]];
          return true;
        }
      return false;
    };
    util.isReserved = function isReserved(name) {
      return reservedRe.test(name);
    };
    util.safeProp = function safeProp(prop) {
      if (!/^[$\w_]+$/.test(prop) || reservedRe.test(prop))
        return "[" + JSON.stringify(prop) + "]";
      return "." + prop;
    };
    util.ucFirst = function ucFirst(str) {
      return str.charAt(0).toUpperCase() + str.substring(1);
    };
    var camelCaseRe = /_([a-z])/g;
    util.camelCase = function camelCase(str) {
      return str.substring(0, 1) + str.substring(1).replace(camelCaseRe, function($0, $1) {
        return $1.toUpperCase();
      });
    };
    util.jsonName = function jsonName(str) {
      var result = "", upperNext = false, i = 0;
      for (; i < str.length; ++i) {
        var ch = str.charAt(i);
        if (ch === "_")
          upperNext = true;
        else if (upperNext) {
          result += ch.toUpperCase();
          upperNext = false;
        } else
          result += ch;
      }
      return result;
    };
    util.compareFieldsById = function compareFieldsById(a, b) {
      return a.id - b.id;
    };
    util.decorateType = function decorateType(ctor, typeName2) {
      if (ctor.$type) {
        if (typeName2 && ctor.$type.name !== typeName2) {
          util.decorateRoot.remove(ctor.$type);
          ctor.$type.name = typeName2;
          util.decorateRoot.add(ctor.$type);
        }
        return ctor.$type;
      }
      if (!Type)
        Type = require_type();
      var type = new Type(typeName2 || ctor.name);
      util.decorateRoot.add(type);
      type.ctor = ctor;
      Object.defineProperty(ctor, "$type", { value: type, enumerable: false });
      Object.defineProperty(ctor.prototype, "$type", { value: type, enumerable: false });
      return type;
    };
    var decorateEnumIndex = 0;
    util.decorateEnum = function decorateEnum(object) {
      if (object.$type)
        return object.$type;
      if (!Enum)
        Enum = require_enum();
      var enm = new Enum("Enum" + decorateEnumIndex++, object);
      util.decorateRoot.add(enm);
      Object.defineProperty(object, "$type", { value: enm, enumerable: false });
      return enm;
    };
    util.setProperty = function setProperty(dst, path, value, ifNotSet) {
      function setProp(dst2, path2, value2) {
        var part = path2.shift();
        if (util.isUnsafeProperty(part))
          return dst2;
        if (path2.length > 0) {
          dst2[part] = setProp(dst2[part] || {}, path2, value2);
        } else {
          var prevValue = dst2[part];
          if (prevValue && ifNotSet)
            return dst2;
          if (prevValue)
            value2 = [].concat(prevValue).concat(value2);
          dst2[part] = value2;
        }
        return dst2;
      }
      if (typeof dst !== "object")
        throw TypeError("dst must be an object");
      if (!path)
        throw TypeError("path must be specified");
      path = path.split(".");
      if (path.length > util.recursionLimit)
        throw Error("max depth exceeded");
      return setProp(dst, path, value);
    };
    Object.defineProperty(util, "decorateRoot", {
      get: function() {
        return roots["decorated"] || (roots["decorated"] = new (require_root())());
      }
    });
  }
});

// node_modules/protobufjs/src/types.js
var require_types = __commonJS({
  "node_modules/protobufjs/src/types.js"(exports) {
    "use strict";
    var types = exports;
    var util = require_util();
    var s = [
      "double",
      // 0
      "float",
      // 1
      "int32",
      // 2
      "uint32",
      // 3
      "sint32",
      // 4
      "fixed32",
      // 5
      "sfixed32",
      // 6
      "int64",
      // 7
      "uint64",
      // 8
      "sint64",
      // 9
      "fixed64",
      // 10
      "sfixed64",
      // 11
      "bool",
      // 12
      "string",
      // 13
      "bytes"
      // 14
    ];
    function bake(values, offset) {
      var i = 0, o = /* @__PURE__ */ Object.create(null);
      offset |= 0;
      while (i < values.length) o[s[i + offset]] = values[i++];
      return o;
    }
    types.basic = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2,
      /* bytes    */
      2
    ]);
    types.defaults = bake([
      /* double   */
      0,
      /* float    */
      0,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      0,
      /* sfixed32 */
      0,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      0,
      /* sfixed64 */
      0,
      /* bool     */
      false,
      /* string   */
      "",
      /* bytes    */
      util.emptyArray,
      /* message  */
      null
    ]);
    types.long = bake([
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1
    ], 7);
    types.mapKey = bake([
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0,
      /* string   */
      2
    ], 2);
    types.packed = bake([
      /* double   */
      1,
      /* float    */
      5,
      /* int32    */
      0,
      /* uint32   */
      0,
      /* sint32   */
      0,
      /* fixed32  */
      5,
      /* sfixed32 */
      5,
      /* int64    */
      0,
      /* uint64   */
      0,
      /* sint64   */
      0,
      /* fixed64  */
      1,
      /* sfixed64 */
      1,
      /* bool     */
      0
    ]);
  }
});

// node_modules/protobufjs/src/field.js
var require_field = __commonJS({
  "node_modules/protobufjs/src/field.js"(exports, module) {
    "use strict";
    module.exports = Field;
    var ReflectionObject = require_object();
    Field.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Field,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Field.className = "Field";
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    var Type;
    var ruleRe = /^(?:required|optional|repeated)$/;
    Field.fromJSON = function fromJSON(name, json) {
      var field = new Field(name, json.id, json.type, json.rule, json.extend, json.options, json.comment);
      if (json.edition)
        field._edition = json.edition;
      if (json.protoName)
        field.protoName = json.protoName;
      if (json.jsonName !== void 0)
        field.jsonName = json.jsonName;
      else if (json.options && json.options.json_name !== void 0)
        field.jsonName = json.options.json_name;
      field._defaultEdition = "proto3";
      return field;
    };
    function Field(name, id, type, rule, extend, options, comment) {
      if (util.isObject(rule)) {
        comment = extend;
        options = rule;
        rule = extend = void 0;
      } else if (util.isObject(extend)) {
        comment = options;
        options = extend;
        extend = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!util.isInteger(id) || id < 0)
        throw TypeError("id must be a non-negative integer");
      if (!util.isString(type))
        throw TypeError("type must be a string");
      if (rule !== void 0 && !ruleRe.test(rule = rule.toString().toLowerCase()))
        throw TypeError("rule must be a string rule");
      if (extend !== void 0 && !util.isString(extend))
        throw TypeError("extend must be a string");
      this.rule = rule && rule !== "optional" ? rule : void 0;
      this.type = type;
      this.id = id;
      this.extend = extend || void 0;
      this.repeated = rule === "repeated";
      this.map = false;
      this.message = null;
      this.partOf = null;
      this.typeDefault = null;
      this.defaultValue = null;
      this.long = util.Long ? types.long[type] !== void 0 : (
        /* istanbul ignore next */
        false
      );
      this.bytes = type === "bytes";
      this.resolvedType = null;
      this.extensionField = null;
      this.declaringField = null;
      this.comment = comment;
      this.protoName = void 0;
      this.jsonName = void 0;
    }
    Object.defineProperty(Field.prototype, "required", {
      get: function() {
        return this._features.field_presence === "LEGACY_REQUIRED";
      }
    });
    Object.defineProperty(Field.prototype, "optional", {
      get: function() {
        return !this.required;
      }
    });
    Object.defineProperty(Field.prototype, "delimited", {
      get: function() {
        return this.resolvedType instanceof Type && this._features.message_encoding === "DELIMITED";
      }
    });
    Object.defineProperty(Field.prototype, "packed", {
      get: function() {
        return this._features.repeated_field_encoding === "PACKED";
      }
    });
    Object.defineProperty(Field.prototype, "hasPresence", {
      get: function() {
        if (this.repeated || this.map) {
          return false;
        }
        return this.partOf || // oneofs
        this.declaringField || this.extensionField || // extensions
        this._features.field_presence !== "IMPLICIT";
      }
    });
    Field.prototype.setOption = function setOption(name, value, ifNotSet) {
      return ReflectionObject.prototype.setOption.call(this, name, value, ifNotSet);
    };
    Field.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "rule",
        this.rule !== "optional" && this.rule || void 0,
        "type",
        this.type,
        "id",
        this.id,
        "extend",
        this.extend,
        "protoName",
        this.protoName !== this.name ? this.protoName : void 0,
        "jsonName",
        this.jsonName !== util.jsonName(this.protoName || this.name) ? this.jsonName : void 0,
        "options",
        this.options,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    Field.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if ((this.typeDefault = types.defaults[this.type]) === void 0) {
        this.resolvedType = (this.declaringField ? this.declaringField.parent : this.parent).lookupTypeOrEnum(this.type);
        if (this.resolvedType instanceof Type)
          this.typeDefault = null;
        else
          this.typeDefault = this.resolvedType.values[Object.keys(this.resolvedType.values)[0]];
      } else if (this.options && this.options.proto3_optional) {
        this.typeDefault = null;
      }
      if (this.options && this.options["default"] != null) {
        this.typeDefault = this.options["default"];
        if (this.resolvedType instanceof Enum && typeof this.typeDefault === "string")
          this.typeDefault = this.resolvedType.values[this.typeDefault];
      }
      if (this.options) {
        if (this.options.packed !== void 0 && this.resolvedType && !(this.resolvedType instanceof Enum))
          delete this.options.packed;
        if (!Object.keys(this.options).length)
          this.options = void 0;
      }
      if (this.long) {
        var unsigned = this.type === "uint64" || this.type === "fixed64";
        this.typeDefault = typeof this.typeDefault === "string" ? util.Long.fromString(this.typeDefault, unsigned) : util.Long.fromNumber(this.typeDefault, unsigned);
        if (Object.freeze)
          Object.freeze(this.typeDefault);
      } else if (types.long[this.type] !== void 0 && typeof this.typeDefault === "string") {
        this.typeDefault = parseInt(this.typeDefault, 10);
      } else if (this.bytes && typeof this.typeDefault === "string") {
        var buf;
        if (util.base64.test(this.typeDefault))
          util.base64.decode(this.typeDefault, buf = util.newBuffer(util.base64.length(this.typeDefault)), 0);
        else
          util.utf8.write(this.typeDefault, buf = util.newBuffer(util.utf8.length(this.typeDefault)), 0);
        this.typeDefault = buf;
      }
      if (this.map)
        this.defaultValue = util.emptyObject;
      else if (this.repeated)
        this.defaultValue = util.emptyArray;
      else
        this.defaultValue = this.typeDefault;
      if (this.parent instanceof Type && this.parent._ctor)
        this.parent._ctor.prototype[this.name] = this.defaultValue;
      if (this.protoName === void 0)
        this.protoName = this.name;
      if (this.jsonName === void 0)
        this.jsonName = util.jsonName(this.protoName);
      return ReflectionObject.prototype.resolve.call(this);
    };
    Field.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures(edition) {
      if (edition !== "proto2" && edition !== "proto3") {
        return {};
      }
      var features = {};
      if (this.rule === "required") {
        features.field_presence = "LEGACY_REQUIRED";
      }
      if (this.parent && types.defaults[this.type] === void 0) {
        var type = this.parent.get(this.type.split(".").pop());
        if (type && type instanceof Type && type.group) {
          features.message_encoding = "DELIMITED";
        }
      }
      if (this.getOption("packed") === true) {
        features.repeated_field_encoding = "PACKED";
      } else if (this.getOption("packed") === false) {
        features.repeated_field_encoding = "EXPANDED";
      }
      return features;
    };
    Field.prototype._resolveFeatures = function _resolveFeatures(edition) {
      return ReflectionObject.prototype._resolveFeatures.call(this, this._edition || edition);
    };
    Field.d = function decorateField(fieldId, fieldType, fieldRule, defaultValue) {
      if (typeof fieldType === "function")
        fieldType = util.decorateType(fieldType).name;
      else if (fieldType && typeof fieldType === "object")
        fieldType = util.decorateEnum(fieldType).name;
      return function fieldDecorator(prototype, fieldName) {
        util.decorateType(prototype.constructor).add(new Field(fieldName, fieldId, fieldType, fieldRule, { "default": defaultValue }));
      };
    };
    Field._configure = function configure(Type_) {
      Type = Type_;
    };
  }
});

// node_modules/protobufjs/src/oneof.js
var require_oneof = __commonJS({
  "node_modules/protobufjs/src/oneof.js"(exports, module) {
    "use strict";
    module.exports = OneOf;
    var ReflectionObject = require_object();
    OneOf.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: OneOf,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    OneOf.className = "OneOf";
    var Field = require_field();
    var util = require_util();
    function OneOf(name, fieldNames, options, comment) {
      if (!Array.isArray(fieldNames)) {
        options = fieldNames;
        fieldNames = void 0;
      }
      ReflectionObject.call(this, name, options);
      if (!(fieldNames === void 0 || Array.isArray(fieldNames)))
        throw TypeError("fieldNames must be an Array");
      this.oneof = fieldNames || [];
      this.fieldsArray = [];
      this.comment = comment;
    }
    OneOf.fromJSON = function fromJSON(name, json) {
      return new OneOf(name, json.oneof, json.options, json.comment);
    };
    OneOf.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "options",
        this.options,
        "oneof",
        this.oneof,
        "comment",
        keepComments ? this.comment : void 0
      ]);
    };
    function addFieldsToParent(oneof) {
      if (oneof.parent) {
        for (var i = 0; i < oneof.fieldsArray.length; ++i)
          if (!oneof.fieldsArray[i].parent)
            oneof.parent.add(oneof.fieldsArray[i]);
      }
    }
    OneOf.prototype.add = function add(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      if (field.parent && field.parent !== this.parent)
        field.parent.remove(field);
      this.oneof.push(field.name);
      this.fieldsArray.push(field);
      field.partOf = this;
      addFieldsToParent(this);
      return this;
    };
    OneOf.prototype.remove = function remove(field) {
      if (!(field instanceof Field))
        throw TypeError("field must be a Field");
      var index = this.fieldsArray.indexOf(field);
      if (index < 0)
        throw Error(field + " is not a member of " + this);
      this.fieldsArray.splice(index, 1);
      index = this.oneof.indexOf(field.name);
      if (index > -1)
        this.oneof.splice(index, 1);
      field.partOf = null;
      return this;
    };
    OneOf.prototype.onAdd = function onAdd(parent) {
      ReflectionObject.prototype.onAdd.call(this, parent);
      var self2 = this;
      for (var i = 0; i < this.oneof.length; ++i) {
        var field = parent.get(this.oneof[i]);
        if (field && !field.partOf) {
          field.partOf = self2;
          self2.fieldsArray.push(field);
        }
      }
      addFieldsToParent(this);
    };
    OneOf.prototype.onRemove = function onRemove(parent) {
      for (var i = 0, field; i < this.fieldsArray.length; ++i)
        if ((field = this.fieldsArray[i]).parent)
          field.parent.remove(field);
      ReflectionObject.prototype.onRemove.call(this, parent);
    };
    Object.defineProperty(OneOf.prototype, "isProto3Optional", {
      get: function() {
        if (this.fieldsArray == null || this.fieldsArray.length !== 1) {
          return false;
        }
        var field = this.fieldsArray[0];
        return field.options != null && field.options["proto3_optional"] === true;
      }
    });
    OneOf.d = function decorateOneOf() {
      var fieldNames = new Array(arguments.length), index = 0;
      while (index < arguments.length)
        fieldNames[index] = arguments[index++];
      return function oneOfDecorator(prototype, oneofName) {
        util.decorateType(prototype.constructor).add(new OneOf(oneofName, fieldNames));
        Object.defineProperty(prototype, oneofName, {
          get: util.oneOfGetter(fieldNames),
          set: util.oneOfSetter(fieldNames)
        });
      };
    };
  }
});

// node_modules/protobufjs/src/object.js
var require_object = __commonJS({
  "node_modules/protobufjs/src/object.js"(exports, module) {
    "use strict";
    module.exports = ReflectionObject;
    ReflectionObject.className = "ReflectionObject";
    var OneOf = require_oneof();
    var util = require_util();
    var Root;
    var proto2Defaults = { enum_type: "CLOSED", field_presence: "EXPLICIT", json_format: "LEGACY_BEST_EFFORT", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "EXPANDED", utf8_validation: "NONE", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var proto3Defaults = { enum_type: "OPEN", field_presence: "IMPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2023Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE_LEGACY", default_symbol_visibility: "EXPORT_ALL" };
    var editions2024Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2024", default_symbol_visibility: "EXPORT_TOP_LEVEL" };
    var editions2026Defaults = { enum_type: "OPEN", field_presence: "EXPLICIT", json_format: "ALLOW", message_encoding: "LENGTH_PREFIXED", repeated_field_encoding: "PACKED", utf8_validation: "VERIFY", enforce_naming_style: "STYLE2026", default_symbol_visibility: "STRICT", enforce_proto_limits: "PROTO_LIMITS2026" };
    function ReflectionObject(name, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (options && !util.isObject(options))
        throw TypeError("options must be an object");
      this.options = options;
      this.parsedOptions = null;
      this.name = name;
      this._edition = null;
      this._defaultEdition = "proto2";
      this._features = {};
      this._featuresResolved = false;
      this.parent = null;
      this.resolved = false;
      this.comment = null;
      this.filename = null;
    }
    Object.defineProperties(ReflectionObject.prototype, {
      /**
       * Reference to the root namespace.
       * @name ReflectionObject#root
       * @type {Root}
       * @readonly
       */
      root: {
        get: function() {
          var ptr = this;
          while (ptr.parent !== null)
            ptr = ptr.parent;
          return ptr;
        }
      },
      /**
       * Full name including leading dot.
       * @name ReflectionObject#fullName
       * @type {string}
       * @readonly
       */
      fullName: {
        get: function() {
          var path = [this.name], ptr = this.parent;
          while (ptr) {
            path.unshift(ptr.name);
            ptr = ptr.parent;
          }
          return path.join(".");
        }
      }
    });
    ReflectionObject.prototype.toJSON = /* istanbul ignore next */
    function toJSON() {
      throw Error();
    };
    ReflectionObject.prototype.onAdd = function onAdd(parent) {
      if (this.parent && this.parent !== parent)
        this.parent.remove(this);
      this.parent = parent;
      this.resolved = false;
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleAdd(this);
    };
    ReflectionObject.prototype.onRemove = function onRemove(parent) {
      var root2 = parent.root;
      if (root2 instanceof Root)
        root2._handleRemove(this);
      this.parent = null;
      this.resolved = false;
    };
    ReflectionObject.prototype.resolve = function resolve() {
      if (this.resolved)
        return this;
      if (this.root instanceof Root)
        this.resolved = true;
      return this;
    };
    ReflectionObject.prototype._resolveFeaturesRecursive = function _resolveFeaturesRecursive(edition) {
      return this._resolveFeatures(this._edition || edition);
    };
    ReflectionObject.prototype._resolveFeatures = function _resolveFeatures(edition) {
      if (this._featuresResolved) {
        return;
      }
      var defaults = {};
      if (!edition) {
        throw new Error("Unknown edition for " + this.fullName);
      }
      var protoFeatures = util.merge(
        {},
        this.options && this.options.features,
        this._inferLegacyProtoFeatures(edition)
      );
      if (this._edition) {
        if (edition === "proto2") {
          defaults = Object.assign({}, proto2Defaults);
        } else if (edition === "proto3") {
          defaults = Object.assign({}, proto3Defaults);
        } else if (edition === "2023") {
          defaults = Object.assign({}, editions2023Defaults);
        } else if (edition === "2024") {
          defaults = Object.assign({}, editions2024Defaults);
        } else if (edition === "2026") {
          defaults = Object.assign({}, editions2026Defaults);
        } else {
          throw new Error("Unknown edition: " + edition);
        }
        this._features = util.merge(defaults, protoFeatures);
      } else {
        if (this.partOf instanceof OneOf) {
          var lexicalParentFeaturesCopy = util.merge({}, this.partOf._features);
          this._features = util.merge(lexicalParentFeaturesCopy, protoFeatures);
        } else if (this.declaringField) {
        } else if (this.parent) {
          var parentFeaturesCopy = util.merge({}, this.parent._features);
          this._features = util.merge(parentFeaturesCopy, protoFeatures);
        } else {
          throw new Error("Unable to find a parent for " + this.fullName);
        }
      }
      if (this.extensionField) {
        this.extensionField._features = this._features;
      }
      this._featuresResolved = true;
    };
    ReflectionObject.prototype._inferLegacyProtoFeatures = function _inferLegacyProtoFeatures() {
      return {};
    };
    ReflectionObject.prototype.getOption = function getOption(name) {
      if (this.options && Object.prototype.hasOwnProperty.call(this.options, name))
        return this.options[name];
      return void 0;
    };
    ReflectionObject.prototype.setOption = function setOption(name, value, ifNotSet) {
      if (name === "__proto__")
        return this;
      if (!this.options)
        this.options = {};
      if (/^features\./.test(name)) {
        util.setProperty(this.options, name, value, ifNotSet);
      } else {
        var prev = this.getOption(name);
        if (!ifNotSet || prev === void 0) {
          if (prev !== value) this.resolved = false;
          this.options[name] = value;
        }
      }
      return this;
    };
    ReflectionObject.prototype.setParsedOption = function setParsedOption(name, value, propName) {
      if (name === "__proto__")
        return this;
      if (!this.parsedOptions) {
        this.parsedOptions = [];
      }
      var parsedOptions = this.parsedOptions;
      if (propName) {
        var opt = parsedOptions.find(function(opt2) {
          return Object.prototype.hasOwnProperty.call(opt2, name);
        });
        if (opt) {
          var newValue = opt[name];
          util.setProperty(newValue, propName, value);
        } else {
          opt = {};
          opt[name] = util.setProperty({}, propName, value);
          parsedOptions.push(opt);
        }
      } else {
        var newOpt = {};
        newOpt[name] = value;
        parsedOptions.push(newOpt);
      }
      return this;
    };
    ReflectionObject.prototype.setOptions = function setOptions(options, ifNotSet) {
      if (options)
        for (var keys = Object.keys(options), i = 0; i < keys.length; ++i)
          this.setOption(keys[i], options[keys[i]], ifNotSet);
      return this;
    };
    Object.defineProperty(ReflectionObject.prototype, "toString", {
      value: function toString() {
        var className = this.constructor.className, fullName = this.fullName;
        if (fullName.length)
          return className + " " + fullName;
        return className;
      },
      writable: true,
      enumerable: false,
      configurable: true
    });
    ReflectionObject.prototype._editionToJSON = function _editionToJSON() {
      if (!this._edition || this._edition === "proto3") {
        return void 0;
      }
      return this._edition;
    };
    ReflectionObject._configure = function(Root_) {
      Root = Root_;
    };
  }
});

// node_modules/protobufjs/src/enum.js
var require_enum = __commonJS({
  "node_modules/protobufjs/src/enum.js"(exports, module) {
    "use strict";
    module.exports = Enum;
    var ReflectionObject = require_object();
    Enum.prototype = Object.create(ReflectionObject.prototype, {
      constructor: {
        value: Enum,
        writable: true,
        enumerable: false,
        configurable: true
      }
    });
    Enum.className = "Enum";
    var Namespace = require_namespace();
    var util = require_util();
    function Enum(name, values, options, comment, comments, valuesOptions) {
      ReflectionObject.call(this, name, options);
      if (values && typeof values !== "object")
        throw TypeError("values must be an object");
      this.valuesById = /* @__PURE__ */ Object.create(null);
      this.values = Object.create(this.valuesById);
      this.comment = comment;
      this.comments = comments || {};
      this.valuesOptions = valuesOptions;
      this._valuesFeatures = {};
      this.reserved = void 0;
      this.visibility = void 0;
      if (values) {
        for (var keys = Object.keys(values), i = 0; i < keys.length; ++i)
          if (keys[i] !== "__proto__" && typeof values[keys[i]] === "number") {
            this.values[keys[i]] = values[keys[i]];
            if (this.valuesById[values[keys[i]]] === void 0)
              this.valuesById[values[keys[i]]] = keys[i];
          }
      }
    }
    Enum.prototype._resolveFeatures = function _resolveFeatures(edition) {
      edition = this._edition || edition;
      ReflectionObject.prototype._resolveFeatures.call(this, edition);
      Object.keys(this.values).forEach((key) => {
        var parentFeaturesCopy = util.merge({}, this._features);
        this._valuesFeatures[key] = util.merge(parentFeaturesCopy, this.valuesOptions && this.valuesOptions[key] && this.valuesOptions[key].features || {});
      });
      return this;
    };
    Enum.fromJSON = function fromJSON(name, json) {
      var enm = new Enum(name, json.values, json.options, json.comment, json.comments, json.valuesOptions);
      enm.reserved = json.reserved;
      if (json.visibility)
        enm.visibility = json.visibility;
      if (json.edition)
        enm._edition = json.edition;
      enm._defaultEdition = "proto3";
      return enm;
    };
    Enum.prototype.toJSON = function toJSON(toJSONOptions) {
      var keepComments = toJSONOptions ? Boolean(toJSONOptions.keepComments) : false;
      return util.toObject([
        "edition",
        this._editionToJSON(),
        "options",
        this.options,
        "valuesOptions",
        this.valuesOptions,
        "values",
        this.values,
        "reserved",
        this.reserved && this.reserved.length ? this.reserved : void 0,
        "visibility",
        this.visibility,
        "comment",
        keepComments ? this.comment : void 0,
        "comments",
        keepComments ? this.comments : void 0
      ]);
    };
    Enum.prototype.add = function add(name, id, comment, options) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      if (!util.isInteger(id))
        throw TypeError("id must be an integer");
      if (name === "__proto__")
        return this;
      if (this.values[name] !== void 0)
        throw Error("duplicate name '" + name + "' in " + this);
      if (this.isReservedId(id))
        throw Error("id " + id + " is reserved in " + this);
      if (this.isReservedName(name))
        throw Error("name '" + name + "' is reserved in " + this);
      if (this.valuesById[id] !== void 0) {
        if (!(this.options && this.options.allow_alias))
          throw Error("duplicate id " + id + " in " + this);
        this.values[name] = id;
      } else
        this.valuesById[this.values[name] = id] = name;
      if (options) {
        if (this.valuesOptions === void 0)
          this.valuesOptions = {};
        this.valuesOptions[name] = options || null;
      }
      this.comments[name] = comment || null;
      return this;
    };
    Enum.prototype.remove = function remove(name) {
      if (!util.isString(name))
        throw TypeError("name must be a string");
      var val = this.values[name];
      if (val == null)
        throw Error("name '" + name + "' does not exist in " + this);
      delete this.valuesById[val];
      delete this.values[name];
      delete this.comments[name];
      if (this.valuesOptions)
        delete this.valuesOptions[name];
      return this;
    };
    Enum.prototype.isReservedId = function isReservedId(id) {
      return Namespace.isReservedId(this.reserved, id);
    };
    Enum.prototype.isReservedName = function isReservedName(name) {
      return Namespace.isReservedName(this.reserved, name);
    };
  }
});

// node_modules/protobufjs/src/encoder.js
var require_encoder = __commonJS({
  "node_modules/protobufjs/src/encoder.js"(exports, module) {
    "use strict";
    module.exports = encoder;
    var Enum = require_enum();
    var types = require_types();
    var util = require_util();
    function genTypePartial(gen, field, fieldIndex, ref) {
      return field.delimited ? gen("types[%i].encode(%s,w.uint32(%i),q+1).uint32(%i)", fieldIndex, ref, (field.id << 3 | 3) >>> 0, (field.id << 3 | 4) >>> 0) : gen("types[%i].encode(%s,w.uint32(%i).fork(),q+1).ldelim()", fieldIndex, ref, (field.id << 3 | 2) >>> 0);
    }
    function encoder(mtype) {
      var gen = util.codegen(["m", "w", "q"])("if(!w)")("w=Writer.create()")("if(q===undefined)q=0")("if(q>util.recursionLimit)")('throw Error("max depth exceeded")');
      var i, ref;
      var fields = (
        /* initializes */
        mtype.fieldsArray.slice().sort(util.compareFieldsById)
      );
      for (var i = 0; i < fields.length; ++i) {
        var field = fields[i].resolve(), index = mtype._fieldsArray.indexOf(field), type = field.resolvedType instanceof Enum ? "int32" : field.type, wireType = types.basic[type];
        ref = "m" + util.safeProp(field.name);
        if (field.map) {
          gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)){", ref, field.name)("for(var ks=Object.keys(%s),i=0;i<ks.length;++i){", ref);
          if (field.keyType === "bool") gen("w.uint32(%i).fork().uint32(%i).bool(util.boolFromKey(ks[i]))", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType]);
          else if (types.long[field.keyType] !== void 0) gen("w.uint32(%i).fork().uint32(%i).%s(util.longFromKey(ks[i],%j))", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType], field.keyType, field.keyType === "uint64" || field.keyType === "fixed64");
          else gen("w.uint32(%i).fork().uint32(%i).%s(ks[i])", (field.id << 3 | 2) >>> 0, 8 | types.mapKey[field.keyType], field.keyType);
          if (wireType === void 0) gen("types[%i].encode(%s[ks[i]],w.uint32(18).fork(),q+1).ldelim().ldelim()", index, ref);
          else gen(".uint32(%i).%s(%s[ks[i]]).ldelim()", 16 | wireType, type, ref);
          gen("}")("}");
        } else if (field.repeated) {
          gen("if(%s!=null&&%s.length){", ref, ref);
          if (field.packed && types.packed[type] !== void 0) {
            gen("w.uint32(%i).%ss(%s)", (field.id << 3 | 2) >>> 0, type, ref);
          } else {
            gen("for(var i=0;i<%s.length;++i)", ref);
            if (wireType === void 0)
              genTypePartial(gen, field, index, ref + "[i]");
            else gen("w.uint32(%i).%s(%s[i])", (field.id << 3 | wireType) >>> 0, type, ref);
          }
          gen("}");
        } else {
          if (!field.required)
            if (field.hasPresence || !(field.resolvedType instanceof Enum || types.basic[type] !== void 0)) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j))", ref, field.name);
            else if (field.resolvedType instanceof Enum) gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==%j)", ref, field.name, ref, field.typeDefault);
            else if (type === "bool") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==false)", ref, field.name, ref);
            else if (type === "string") gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!=="")', ref, field.name, ref);
            else if (type === "bytes") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s.length)", ref, field.name, ref);
            else if (type === "double" || type === "float") gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&!Object.is(%s,0))", ref, field.name, ref);
            else if (types.long[type] !== void 0) gen('if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&(typeof %s==="object"?%s.low||%s.high:%s!==0))', ref, field.name, ref, ref, ref, ref);
            else gen("if(%s!=null&&Object.hasOwnProperty.call(m,%j)&&%s!==0)", ref, field.name, ref);
          if (wireType === void 0)
            genTypePartial(gen, field, index, ref);
          else gen("w.uint32(%i).%s(%s)", (field.id << 3 | wireType) >>> 0, type, ref);
        }
      }
      return gen('if(m.$unknowns!=null&&Object.hasOwnProperty.call(m,"$unknowns"))')("for(var i=0;i<m.$unknowns.length;++i)")("w.raw(m.$unknowns[i])")("return w");
    }
  }
});

// node_modules/protobufjs/src/index-light.js
var require_index_light = __commonJS({
  "node_modules/protobufjs/src/index-light.js"(exports, module) {
    "use strict";
    exports = module.exports = require_index_minimal();
    exports.build = "light";
    function load(filename, root2, callback) {
      if (typeof root2 === "function") {
        callback = root2;
        root2 = new exports.Root();
      } else if (!root2)
        root2 = new exports.Root();
      return root2.load(filename, callback);
    }
    exports.load = load;
    function loadSync(filename, root2) {
      if (!root2)
        root2 = new exports.Root();
      return root2.loadSync(filename);
    }
    exports.loadSync = loadSync;
    exports.encoder = require_encoder();
    exports.decoder = require_decoder();
    exports.verifier = require_verifier();
    exports.converter = require_converter();
    exports.ReflectionObject = require_object();
    exports.Namespace = require_namespace();
    exports.Root = require_root();
    exports.Enum = require_enum();
    exports.Type = require_type();
    exports.Field = require_field();
    exports.OneOf = require_oneof();
    exports.MapField = require_mapfield();
    exports.Service = require_service2();
    exports.Method = require_method();
    exports.Message = require_message();
    exports.wrappers = require_wrappers();
    exports.types = require_types();
    exports.util = require_util();
    exports.ReflectionObject._configure(exports.Root);
    exports.Namespace._configure(exports.Type, exports.Service, exports.Enum);
    exports.Root._configure(exports.Type, void 0, {});
    exports.Field._configure(exports.Type);
  }
});

// node_modules/protobufjs/light.js
var require_light = __commonJS({
  "node_modules/protobufjs/light.js"(exports, module) {
    "use strict";
    module.exports = require_index_light();
  }
});

// test/bench/receive.ts
import { fork } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";

// electron/services/receiver/capture-service.ts
import { randomUUID } from "node:crypto";

// shared/bridge/result.ts
var BridgeFailure = class extends Error {
  constructor(code, message2, details) {
    super(message2);
    this.code = code;
    this.details = details;
    this.name = "BridgeFailure";
  }
  code;
  details;
};

// shared/capture/outbox.ts
var Outbox = class {
  entries = [];
  lastSeq = 0;
  pending = 0;
  /** spans and log records not yet released by the consumer */
  get pendingRecords() {
    return this.pending;
  }
  /** the cursor just past everything pushed so far */
  get head() {
    return this.lastSeq;
  }
  push(traces, logs) {
    const records = traces.reduce((n, t) => n + t.spans.length, 0) + logs.length;
    if (records === 0) return;
    this.lastSeq++;
    this.entries.push({ seq: this.lastSeq, traces, logs, records });
    this.pending += records;
  }
  /**
   * Releases entries up to `cursor` and returns those after it, at least one entry and then up to about
   * `maxRecords` spans and log records. A cursor ahead of the head (another session's) reads from the start.
   */
  read(cursor, maxRecords = 2e4) {
    const from = cursor > this.lastSeq ? 0 : cursor;
    let released = 0;
    while (released < this.entries.length && this.entries[released].seq <= from) {
      this.pending -= this.entries[released].records;
      released++;
    }
    if (released > 0) this.entries = this.entries.slice(released);
    const out = { cursor: from, traces: [], logs: [], more: false };
    let taken = 0;
    for (const e of this.entries) {
      if (taken > 0 && taken + e.records > maxRecords) {
        out.more = true;
        break;
      }
      out.traces.push(...e.traces);
      out.logs.push(...e.logs);
      out.cursor = e.seq;
      taken += e.records;
    }
    return out;
  }
};

// shared/capture/session.ts
var DEFAULT_HOLD_MS = 3e4;
var DEFAULT_HOLD_MAX_RECORDS = 5e4;
var DEFAULT_REMEMBER_TRACES = 1e5;
var isRequestRoot = (span) => span.parentSpanId === "" || span.name === "kong";
var CaptureSession = class {
  constructor(rules, now) {
    this.rules = rules;
    if (!(rules.durationMs > 0)) throw new RangeError(`capture duration: expected a positive number of ms, got ${rules.durationMs}`);
    if (!(rules.maxTraces >= 1)) throw new RangeError(`capture max traces: expected at least 1, got ${rules.maxTraces}`);
    this.startedAt = now;
    this.endsAt = now + rules.durationMs;
    this.holdMs = rules.holdMs ?? DEFAULT_HOLD_MS;
    this.holdMax = rules.holdMaxRecords ?? DEFAULT_HOLD_MAX_RECORDS;
    this.remember = rules.rememberTraces ?? DEFAULT_REMEMBER_TRACES;
  }
  rules;
  startedAt;
  endsAt;
  ended = null;
  endedAt = null;
  held = /* @__PURE__ */ new Map();
  heldRecords = 0;
  /** trace id -> sampled?; insertion order is age, for the bound */
  decided = /* @__PURE__ */ new Map();
  c = {
    received: 0,
    sampled: 0,
    rejected: 0,
    spansReceived: 0,
    spansKept: 0,
    logsReceived: 0,
    logsKept: 0,
    orphansDropped: 0,
    lateDropped: 0,
    held: 0
  };
  holdMs;
  holdMax;
  remember;
  get counters() {
    return { ...this.c, held: this.heldRecords };
  }
  get endReason() {
    return this.ended;
  }
  get endTime() {
    return this.endedAt;
  }
  /** Advance the clock: ends the session when its time is up and drops holds that waited too long. */
  tick(now) {
    if (this.ended) return;
    if (now >= this.endsAt) {
      this.end("duration", now);
      return;
    }
    for (const [traceId, h] of this.held) {
      if (now - h.since < this.holdMs) break;
      this.dropHeld(traceId, h);
    }
  }
  /** Ends the session (no effect if it already ended); anything still held is dropped and counted. */
  end(reason, now) {
    if (this.ended) return;
    this.ended = reason;
    this.endedAt = now;
    for (const [traceId, h] of this.held) this.dropHeld(traceId, h);
  }
  offerTraces(traces, now) {
    this.tick(now);
    const kept = { traces: [], logs: [] };
    for (const t of traces) {
      this.c.spansReceived += t.spans.length;
      const decision = this.decided.get(t.traceId);
      if (decision === true) {
        this.keepTrace(kept, t);
        continue;
      }
      if (decision === false) continue;
      if (this.ended) {
        this.c.lateDropped += t.spans.length;
        continue;
      }
      const root2 = t.spans.find(isRequestRoot);
      if (root2) this.decide(t.traceId, root2.attributes, kept, t, now);
      else this.hold(t.traceId, now, t, []);
    }
    return kept;
  }
  offerLogs(logs, now) {
    this.tick(now);
    const kept = { traces: [], logs: [] };
    for (const r of logs) {
      this.c.logsReceived++;
      const decision = r.traceId ? this.decided.get(r.traceId) : void 0;
      if (decision === true) {
        this.keepLog(kept, r);
      } else if (decision === false) {
        continue;
      } else if (this.ended) {
        this.c.lateDropped++;
      } else if (!r.traceId) {
        this.keepLog(kept, r);
      } else {
        this.hold(r.traceId, now, null, [r]);
      }
    }
    return kept;
  }
  decide(traceId, rootAttributes, kept, t, now) {
    this.c.received++;
    let match = false;
    try {
      match = this.rules.sample(rootAttributes);
    } catch {
      match = false;
    }
    const take = match && this.c.sampled < this.rules.maxTraces;
    this.remember_(traceId, take);
    const h = this.held.get(traceId);
    if (h) {
      this.held.delete(traceId);
      this.heldRecords -= h.records;
    }
    if (!take) {
      this.c.rejected++;
      return;
    }
    this.c.sampled++;
    if (h) {
      for (const f2 of h.fragments) this.keepTrace(kept, f2);
      for (const r of h.logs) this.keepLog(kept, r);
    }
    this.keepTrace(kept, t);
    if (this.c.sampled >= this.rules.maxTraces) this.end("max-traces", now);
  }
  hold(traceId, now, fragment, logs) {
    let h = this.held.get(traceId);
    if (!h) {
      h = { since: now, fragments: [], logs: [], records: 0 };
      this.held.set(traceId, h);
    }
    const n = (fragment?.spans.length ?? 0) + logs.length;
    if (fragment) h.fragments.push(fragment);
    h.logs.push(...logs);
    h.records += n;
    this.heldRecords += n;
    while (this.heldRecords > this.holdMax) {
      const oldest = this.held.entries().next().value;
      if (!oldest) break;
      this.dropHeld(oldest[0], oldest[1]);
    }
  }
  dropHeld(traceId, h) {
    this.held.delete(traceId);
    this.heldRecords -= h.records;
    this.c.orphansDropped += h.records;
  }
  remember_(traceId, sampled) {
    this.decided.set(traceId, sampled);
    if (this.decided.size > this.remember) {
      const oldest = this.decided.keys().next().value;
      if (oldest !== void 0) this.decided.delete(oldest);
    }
  }
  keepTrace(kept, t) {
    this.c.spansKept += t.spans.length;
    kept.traces.push(t);
  }
  keepLog(kept, r) {
    this.c.logsKept++;
    kept.logs.push(r);
  }
};

// shared/decode/api.ts
var DecodeError = class extends Error {
  constructor(fileName, where, reason) {
    super(`${fileName}: ${where ? `${where}: ` : ""}${reason}`);
    this.fileName = fileName;
    this.where = where;
    this.reason = reason;
    this.name = "DecodeError";
  }
  fileName;
  where;
  reason;
};

// shared/decode/time.ts
var nsOut = { sec: 0, nano: 0 };
var DIGITS_RE = /^\d+$/;
function readNs(value) {
  if (typeof value === "string") {
    const len = value.length;
    if (len === 0 || !DIGITS_RE.test(value)) return false;
    if (len <= 9) {
      nsOut.sec = 0;
      nsOut.nano = +value;
    } else {
      nsOut.sec = +value.slice(0, len - 9);
      nsOut.nano = +value.slice(len - 9);
    }
    return true;
  }
  if (typeof value === "number") {
    if (!Number.isFinite(value) || value < 0) return false;
    if (!Number.isSafeInteger(value)) return readNs(BigInt(Math.round(value)).toString());
    splitInto(value, 1e9);
    return true;
  }
  if (typeof value === "bigint") return value >= 0n && readNs(value.toString());
  if (value !== null && typeof value === "object" && typeof value.toString === "function") {
    const text = String(value);
    return text !== "[object Object]" && readNs(text);
  }
  return false;
}
function readMicros(value) {
  const us = typeof value === "string" && DIGITS_RE.test(value) ? +value : value;
  if (typeof us !== "number" || !Number.isFinite(us) || us < 0) return false;
  splitInto(Math.round(us * 1e3) / 1e3, 1e6);
  nsOut.nano = Math.round(nsOut.nano * 1e3);
  return true;
}
function splitInto(value, unit) {
  let sec = Math.floor(value / unit);
  let rest = value - sec * unit;
  if (rest < 0) {
    sec--;
    rest += unit;
  } else if (rest >= unit) {
    sec++;
    rest -= unit;
  }
  nsOut.sec = sec;
  nsOut.nano = rest;
}
function formatNs(sec, nano) {
  if (sec === 0) return String(nano);
  const n = String(nano);
  return `${sec}${"000000000".slice(n.length)}${n}`;
}
function addNs(base, offset) {
  readNs(base);
  const total = nsOut.nano + offset;
  const carry = Math.floor(total / 1e9);
  const sec = nsOut.sec + carry;
  if (sec < 0) return "0";
  return formatNs(sec, total - carry * 1e9);
}
function diffNs(a, b) {
  readNs(a);
  const secA = nsOut.sec;
  const nanoA = nsOut.nano;
  readNs(b);
  return (secA - nsOut.sec) * 1e9 + (nanoA - nsOut.nano);
}
function compareNs(a, b) {
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

// shared/model/merge.ts
function canonicalKey(value) {
  return JSON.stringify(value, (_key, v) => {
    if (v === null || typeof v !== "object" || Array.isArray(v)) return v;
    const sorted = {};
    for (const k of Object.keys(v).sort()) sorted[k] = v[k];
    return sorted;
  });
}
function mergeEvents(a, b) {
  if (b.length === 0) return a;
  if (a.length === 0) return b;
  const seen = /* @__PURE__ */ new Set();
  for (const e of a) seen.add(`${e.t}\0${e.name}`);
  let out;
  for (const e of b) {
    const key = `${e.t}\0${e.name}`;
    if (seen.has(key)) continue;
    seen.add(key);
    (out ??= a.slice()).push(e);
  }
  return out ?? a;
}
function mergeLinks(a, b) {
  if (!b || b.length === 0) return a;
  if (!a || a.length === 0) return b;
  const seen = new Set(a.map((l) => `${l.traceId}:${l.spanId}`));
  const out = a.slice();
  for (const l of b) if (!seen.has(`${l.traceId}:${l.spanId}`)) out.push(l);
  return out;
}
function sameAttributes(a, b) {
  const ka = Object.keys(a);
  if (ka.length !== Object.keys(b).length) return false;
  for (const k of ka) {
    const va = a[k];
    const vb = b[k];
    if (va === vb) continue;
    if (typeof va !== "object" || typeof vb !== "object" || canonicalKey(va) !== canonicalKey(vb)) return false;
  }
  return true;
}
function mergeSpan(a, b) {
  const attributes = sameAttributes(a.attributes, b.attributes) ? a.attributes : { ...a.attributes, ...b.attributes };
  const events = mergeEvents(a.events, b.events);
  const links = mergeLinks(a.links, b.links);
  const end = Math.max(a.start + a.duration, b.start + b.duration);
  const start = Math.min(a.start, b.start);
  const status = b.status.code > a.status.code ? b.status : a.status;
  const name = a.name || b.name;
  const parentSpanId = a.parentSpanId || b.parentSpanId;
  if (attributes === a.attributes && events === a.events && links === a.links && start === a.start && end - start === a.duration && status === a.status && name === a.name && parentSpanId === a.parentSpanId) {
    return a;
  }
  const merged = { ...a, name, parentSpanId, start, duration: end - start, status, attributes, events };
  if (links) merged.links = links;
  return merged;
}
function shiftSpan(span, shift, resource, scope) {
  if (shift === 0 && span.resource === resource && span.scope === scope) return span;
  const out = { ...span, start: span.start + shift, resource, scope };
  if (shift !== 0) out.events = span.events.map((e) => ({ ...e, t: e.t + shift }));
  return out;
}
function indexer(items) {
  const out = [];
  const keys = /* @__PURE__ */ new Map();
  const add = (item) => {
    const key = canonicalKey(item);
    let i = keys.get(key);
    if (i === void 0) {
      i = out.length;
      out.push(item);
      keys.set(key, i);
    }
    return i;
  };
  for (const item of items) add(item);
  return { add, items: out };
}
function mergeTraceSpans(a, b) {
  const baseNs = compareNs(a.baseNs, b.baseNs) <= 0 ? a.baseNs : b.baseNs;
  const shiftA = diffNs(a.baseNs, baseNs);
  const shiftB = diffNs(b.baseNs, baseNs);
  const resources = indexer([]);
  const scopes = indexer([]);
  const resA = a.resources.map((r) => resources.add(r));
  const scoA = a.scopes.map((s) => scopes.add(s));
  const resB = b.resources.map((r) => resources.add(r));
  const scoB = b.scopes.map((s) => scopes.add(s));
  const spans = [];
  const byId = /* @__PURE__ */ new Map();
  for (const span of a.spans) {
    const shifted = shiftSpan(span, shiftA, resA[span.resource] ?? 0, scoA[span.scope] ?? 0);
    const i = byId.get(span.spanId);
    if (i === void 0) {
      byId.set(span.spanId, spans.length);
      spans.push(shifted);
    } else {
      spans[i] = mergeSpan(spans[i], shifted);
    }
  }
  for (const span of b.spans) {
    const shifted = shiftSpan(span, shiftB, resB[span.resource] ?? 0, scoB[span.scope] ?? 0);
    const i = byId.get(span.spanId);
    if (i === void 0) {
      byId.set(span.spanId, spans.length);
      spans.push(shifted);
    } else {
      spans[i] = mergeSpan(spans[i], shifted);
    }
  }
  return { traceId: a.traceId, baseNs, resources: resources.items, scopes: scopes.items, spans };
}

// shared/decode/collector.ts
var MAX_SKIPPED_DETAILS = 1e3;
var Collector = class {
  traces = /* @__PURE__ */ new Map();
  logs = [];
  payloads = [];
  skipped = [];
  sessionOf;
  /** spans in the current batch */
  spanCount = 0;
  /** records of any kind in the current batch */
  recordCount = 0;
  totalSpans = 0;
  totalLogs = 0;
  totalPayloads = 0;
  totalSkipped = 0;
  firstSkipped;
  format;
  /** The accumulator for a trace, created with `refSec` as its reference second when new. */
  trace(traceId, refSec) {
    let acc = this.traces.get(traceId);
    if (acc === void 0) {
      acc = {
        traceId,
        refSec,
        resources: [],
        resourceIdx: /* @__PURE__ */ new Map(),
        scopes: [],
        scopeIdx: /* @__PURE__ */ new Map(),
        spans: [],
        spanIdx: /* @__PURE__ */ new Map(),
        minStart: Infinity
      };
      this.traces.set(traceId, acc);
    }
    return acc;
  }
  /**
   * Adds a span (start and event times relative to acc.refSec). `resource` and `scope` are shared objects:
   * the same object for every span of one resourceSpans / scopeSpans, so identity is a cheap dedupe key.
   */
  addSpan(acc, span, resource, scope) {
    let r = acc.resourceIdx.get(resource);
    if (r === void 0) {
      r = acc.resources.length;
      acc.resources.push(resource);
      acc.resourceIdx.set(resource, r);
      const session = resource["session.id"];
      if (typeof session === "string" && session !== "") (this.sessionOf ??= {})[acc.traceId] = session;
    }
    let s = acc.scopeIdx.get(scope);
    if (s === void 0) {
      s = acc.scopes.length;
      acc.scopes.push(scope);
      acc.scopeIdx.set(scope, s);
    }
    span.resource = r;
    span.scope = s;
    if (span.start < acc.minStart) acc.minStart = span.start;
    const existing = acc.spanIdx.get(span.spanId);
    if (existing === void 0) {
      acc.spanIdx.set(span.spanId, acc.spans.length);
      acc.spans.push(span);
    } else {
      acc.spans[existing] = mergeSpan(acc.spans[existing], span);
    }
    this.spanCount++;
    this.recordCount++;
    this.totalSpans++;
  }
  addLog(log) {
    this.logs.push(log);
    this.recordCount++;
    this.totalLogs++;
  }
  addPayload(payload) {
    this.payloads.push(payload);
    this.recordCount++;
    this.totalPayloads++;
  }
  skip(where, reason) {
    this.totalSkipped++;
    if (this.firstSkipped === void 0) this.firstSkipped = { where, reason };
    if (this.totalSkipped <= MAX_SKIPPED_DETAILS) this.skipped.push({ where, reason });
    else if (this.totalSkipped === MAX_SKIPPED_DETAILS + 1) {
      this.skipped.push({ where: "more", reason: `more than ${MAX_SKIPPED_DETAILS} records were skipped; only the first are listed` });
    }
  }
  get hasAnything() {
    return this.totalSpans + this.totalLogs + this.totalPayloads > 0;
  }
  /** Hands over everything gathered since the last call. */
  take(bytesRead, inputBytesRead) {
    const traces = [];
    for (const acc of this.traces.values()) traces.push(finishTrace(acc));
    const batch = {
      traces,
      logs: this.logs,
      payloads: this.payloads,
      skipped: this.skipped,
      bytesRead,
      inputBytesRead
    };
    if (this.sessionOf) batch.sessionOf = this.sessionOf;
    if (this.format) batch.format = this.format;
    this.traces = /* @__PURE__ */ new Map();
    this.logs = [];
    this.payloads = [];
    this.skipped = [];
    this.sessionOf = void 0;
    this.spanCount = 0;
    this.recordCount = 0;
    return batch;
  }
};
function finishTrace(acc) {
  const base = acc.minStart;
  if (base !== 0) {
    for (const span of acc.spans) {
      span.start -= base;
      for (const event of span.events) event.t -= base;
    }
  }
  return {
    traceId: acc.traceId,
    baseNs: addNs(formatNs(acc.refSec, 0), base),
    resources: acc.resources,
    scopes: acc.scopes,
    spans: acc.spans
  };
}

// shared/decode/context.ts
function batchFull(ctx) {
  return ctx.c.recordCount >= ctx.batchSpans;
}
function takeBatch(ctx) {
  return ctx.c.take(ctx.bytesRead, ctx.raw.consumed);
}
function checkAborted(ctx) {
  const signal = ctx.signal;
  if (signal?.aborted) {
    throw signal.reason instanceof Error ? signal.reason : new DecodeError(ctx.fileName, "", "the import was cancelled");
  }
}
function errorText(e) {
  return e instanceof Error ? e.message : String(e);
}

// shared/model/ids.ts
var HEX = "0123456789abcdef";
var HEX_RE = /^[0-9a-fA-F]+$/;
var B64_RE = /^[A-Za-z0-9+/_-]+={0,2}$/;
var B64_VALUES = (() => {
  const table = new Int16Array(128).fill(-1);
  const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  for (let i = 0; i < alphabet.length; i++) table[alphabet.charCodeAt(i)] = i;
  table["-".charCodeAt(0)] = 62;
  table["_".charCodeAt(0)] = 63;
  return table;
})();
var ZERO_TRACE_ID = "00000000000000000000000000000000";
var ZERO_SPAN_ID = "0000000000000000";
function bytesToHex(bytes) {
  let out = "";
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i];
    out += HEX[b >> 4] + HEX[b & 15];
  }
  return out;
}
function base64ToHex(text, byteLength) {
  if (!B64_RE.test(text)) return null;
  let end = text.length;
  while (end > 0 && text.charCodeAt(end - 1) === 61) end--;
  if (Math.floor(end * 6 / 8) !== byteLength) return null;
  let out = "";
  let acc = 0;
  let bits = 0;
  for (let i = 0; i < end; i++) {
    const v = B64_VALUES[text.charCodeAt(i)];
    if (v < 0) return null;
    acc = (acc << 6 | v) & 65535;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      const b = acc >> bits & 255;
      out += HEX[b >> 4] + HEX[b & 15];
    }
  }
  return out.length === byteLength * 2 ? out : null;
}
function normalizeId(value, byteLength) {
  const hexLength = byteLength * 2;
  if (typeof value === "string") {
    if (value.length === hexLength && HEX_RE.test(value)) return value.toLowerCase();
    return base64ToHex(value, byteLength);
  }
  if (value instanceof Uint8Array && value.length === byteLength) return bytesToHex(value);
  return null;
}
function normalizeTraceId(value, allowShort = false) {
  let id = normalizeId(value, 16);
  if (id === null && allowShort && typeof value === "string" && value.length > 0 && value.length < 32 && HEX_RE.test(value)) {
    id = value.toLowerCase().padStart(32, "0");
  }
  return id === null || id === ZERO_TRACE_ID ? null : id;
}
function normalizeSpanId(value, allowShort = false) {
  let id = normalizeId(value, 8);
  if (id === null && allowShort && typeof value === "string" && value.length > 0 && value.length < 16 && HEX_RE.test(value)) {
    id = value.toLowerCase().padStart(16, "0");
  }
  return id === null || id === ZERO_SPAN_ID ? null : id;
}
function normalizeParentId(value, allowShort = false) {
  if (value === void 0 || value === null || value === "") return "";
  if (value instanceof Uint8Array && value.length === 0) return "";
  if (typeof value === "string" && /^0+$/.test(value)) return "";
  if (typeof value === "string" && value === "AAAAAAAAAAA=") return "";
  return normalizeSpanId(value, allowShort);
}

// shared/decode/foreign.ts
var KINDS = { internal: 1, server: 2, client: 3, producer: 4, consumer: 5 };
function isObj(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function jaegerTagValue(tag) {
  const v = tag.value;
  if (typeof v === "string" || typeof v === "number" || typeof v === "boolean") {
    if (tag.type === "int64" && typeof v === "string" && Number.isSafeInteger(Number(v))) return Number(v);
    return v;
  }
  return v === void 0 || v === null ? null : JSON.stringify(v);
}
function jaegerTags(tags) {
  const out = {};
  if (!Array.isArray(tags)) return out;
  for (const tag of tags) if (isObj(tag) && typeof tag.key === "string") out[tag.key] = jaegerTagValue(tag);
  return out;
}
function liftKindAndStatus(attributes) {
  let kind = 0;
  const k = attributes["span.kind"];
  if (typeof k === "string" && KINDS[k.toLowerCase()] !== void 0) {
    kind = KINDS[k.toLowerCase()];
    delete attributes["span.kind"];
  }
  let code = 0;
  const otelStatus = attributes["otel.status_code"];
  if (otelStatus === "ERROR") code = 2;
  else if (otelStatus === "OK") code = 1;
  else if (attributes.error === true || attributes.error === "true") code = 2;
  const status = { code };
  const message2 = attributes["otel.status_description"];
  if (typeof message2 === "string" && message2 !== "") status.message = message2;
  if (otelStatus !== void 0) {
    delete attributes["otel.status_code"];
    delete attributes["otel.status_description"];
  }
  return { kind, status };
}
function convertJaegerTrace(c, trace, path) {
  if (!isObj(trace) || !Array.isArray(trace.spans)) {
    c.skip(path, "expected a Jaeger trace object with spans");
    return;
  }
  const processes = isObj(trace.processes) ? trace.processes : {};
  const resources = /* @__PURE__ */ new Map();
  const resourceOf = (id) => {
    const key = typeof id === "string" ? id : "";
    let r = resources.get(key);
    if (r === void 0) {
      const p = processes[key];
      r = isObj(p) ? jaegerTags(p.tags) : {};
      if (isObj(p) && typeof p.serviceName === "string") r["service.name"] = p.serviceName;
      resources.set(key, r);
    }
    return r;
  };
  const scopes = /* @__PURE__ */ new Map();
  const spans = trace.spans;
  for (let i = 0; i < spans.length; i++) {
    const s = spans[i];
    const where = `${path}.spans[${i}]`;
    if (!isObj(s)) {
      c.skip(where, "a span must be an object");
      continue;
    }
    const traceId = normalizeTraceId(s.traceID ?? trace.traceID, true);
    const spanId = normalizeSpanId(s.spanID, true);
    if (traceId === null || spanId === null) {
      c.skip(where, `invalid ${traceId === null ? `traceID ${JSON.stringify(s.traceID)}` : `spanID ${JSON.stringify(s.spanID)}`}`);
      continue;
    }
    let parentSpanId = "";
    const refs = Array.isArray(s.references) ? s.references : [];
    const parentRef = refs.find((r) => isObj(r) && r.refType === "CHILD_OF") ?? refs.find((r) => isObj(r) && r.refType === "FOLLOWS_FROM");
    if (isObj(parentRef)) parentSpanId = normalizeParentId(parentRef.spanID, true) ?? "";
    else if (s.parentSpanID !== void 0) parentSpanId = normalizeParentId(s.parentSpanID, true) ?? "";
    if (!readMicros(s.startTime)) {
      c.skip(where, `invalid startTime ${JSON.stringify(s.startTime)}`);
      continue;
    }
    const acc = c.trace(traceId, nsOut.sec);
    const start = (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano;
    const duration = typeof s.duration === "number" && s.duration > 0 ? Math.round(s.duration * 1e3) : 0;
    const attributes = jaegerTags(s.tags);
    const { kind, status } = liftKindAndStatus(attributes);
    const scopeName = attributes["otel.scope.name"] ?? attributes["otel.library.name"];
    const scopeKey = typeof scopeName === "string" ? scopeName : "";
    let scope = scopes.get(scopeKey);
    if (scope === void 0) scopes.set(scopeKey, scope = { name: scopeKey });
    const events = [];
    for (const log of Array.isArray(s.logs) ? s.logs : []) {
      if (!isObj(log) || !readMicros(log.timestamp)) continue;
      const attrs = jaegerTags(log.fields);
      const name = typeof attrs.event === "string" ? attrs.event : "log";
      delete attrs.event;
      events.push({ t: (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano, name, attributes: attrs });
    }
    const span = {
      spanId,
      parentSpanId,
      name: typeof s.operationName === "string" ? s.operationName : "",
      kind,
      start,
      duration,
      status,
      attributes,
      events,
      resource: 0,
      scope: 0
    };
    c.addSpan(acc, span, resourceOf(s.processID), scope);
  }
}
var zipkinResources = /* @__PURE__ */ new WeakMap();
var ZIPKIN_SCOPE = { name: "" };
function convertZipkinSpan(c, s, path) {
  if (!isObj(s)) {
    c.skip(path, "a Zipkin span must be an object");
    return;
  }
  const traceId = normalizeTraceId(s.traceId, true);
  const spanId = normalizeSpanId(s.id, true);
  if (traceId === null || spanId === null) {
    c.skip(path, `invalid ${traceId === null ? `traceId ${JSON.stringify(s.traceId)}` : `id ${JSON.stringify(s.id)}`}`);
    return;
  }
  const parentSpanId = normalizeParentId(s.parentId, true);
  if (parentSpanId === null) {
    c.skip(path, `invalid parentId ${JSON.stringify(s.parentId)}`);
    return;
  }
  if (!readMicros(s.timestamp)) {
    c.skip(path, `invalid timestamp ${JSON.stringify(s.timestamp)}`);
    return;
  }
  const acc = c.trace(traceId, nsOut.sec);
  const start = (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano;
  const attributes = {};
  if (isObj(s.tags)) for (const [k, v] of Object.entries(s.tags)) attributes[k] = typeof v === "string" ? v : JSON.stringify(v);
  const remote = s.remoteEndpoint;
  if (isObj(remote)) {
    const address = remote.ipv4 ?? remote.ipv6;
    if (typeof address === "string") attributes["network.peer.address"] ??= address;
    if (typeof remote.port === "number") attributes["network.peer.port"] ??= remote.port;
    if (typeof remote.serviceName === "string") attributes["peer.service"] ??= remote.serviceName;
  }
  const { status } = liftKindAndStatus(attributes);
  const events = [];
  for (const a of Array.isArray(s.annotations) ? s.annotations : []) {
    if (!isObj(a) || !readMicros(a.timestamp)) continue;
    events.push({ t: (nsOut.sec - acc.refSec) * 1e9 + nsOut.nano, name: typeof a.value === "string" ? a.value : "", attributes: {} });
  }
  const local = isObj(s.localEndpoint) ? s.localEndpoint : {};
  const service = typeof local.serviceName === "string" ? local.serviceName : "";
  let byService = zipkinResources.get(c);
  if (byService === void 0) zipkinResources.set(c, byService = /* @__PURE__ */ new Map());
  let resource = byService.get(service);
  if (resource === void 0) byService.set(service, resource = service ? { "service.name": service } : {});
  const span = {
    spanId,
    parentSpanId,
    name: typeof s.name === "string" ? s.name : "",
    kind: typeof s.kind === "string" ? KINDS[s.kind.toLowerCase()] ?? 0 : 0,
    start,
    duration: typeof s.duration === "number" && s.duration > 0 ? Math.round(s.duration * 1e3) : 0,
    status,
    attributes,
    events,
    resource: 0,
    scope: 0
  };
  c.addSpan(acc, span, resource, ZIPKIN_SCOPE);
}

// shared/decode/platform.ts
var g = globalThis;
function utf8Decoder() {
  if (!g.TextDecoder) throw new Error("TextDecoder is not available in this environment");
  return new g.TextDecoder("utf-8", { ignoreBOM: true });
}
function decompressionStream(format) {
  if (!g.DecompressionStream) throw new Error("DecompressionStream is not available in this environment");
  return new g.DecompressionStream(format);
}

// shared/decode/json-split.ts
function isWs(b) {
  return b === 32 || b === 10 || b === 13 || b === 9;
}
function describe(b) {
  return b >= 32 && b < 127 ? `'${String.fromCharCode(b)}'` : `byte 0x${b.toString(16).padStart(2, "0")}`;
}
var JsonDocSplitter = class {
  constructor(fileName, streamKeys, maxElementBytes) {
    this.fileName = fileName;
    this.streamKeys = streamKeys;
    this.maxElementBytes = maxElementBytes;
  }
  fileName;
  streamKeys;
  maxElementBytes;
  state = 0 /* Root */;
  needComma = false;
  keyBytes = [];
  keyEscape = false;
  key = null;
  /** index of the next element in the streamed array being walked */
  index = 0;
  streamingArray = false;
  rootIsArray = false;
  roots = 0;
  // element scan state
  mode = 0 /* Container */;
  depth = 0;
  inString = false;
  escape = false;
  pieces = [];
  elemBytes = 0;
  elemPath = "";
  elemIndex = -1;
  /** absolute offset of the start of the current chunk */
  base = 0;
  fail(at, reason) {
    throw new DecodeError(this.fileName, `byte ${at}`, reason);
  }
  prefix() {
    return this.roots > 1 ? `#${this.roots}$` : "$";
  }
  startElem(b, path, index) {
    this.state = 6 /* Elem */;
    this.elemPath = path;
    this.elemIndex = index;
    this.pieces = [];
    this.elemBytes = 0;
    this.inString = false;
    this.escape = false;
    if (b === 123 || b === 91) {
      this.mode = 0 /* Container */;
      this.depth = 0;
    } else if (b === 34) {
      this.mode = 1 /* Str */;
    } else {
      this.mode = 2 /* Scalar */;
    }
  }
  emit(chunk, from, to, out) {
    const last = chunk.subarray(from, to);
    let bytes;
    if (this.pieces.length === 0) bytes = last;
    else {
      bytes = new Uint8Array(this.elemBytes + last.length);
      let o = 0;
      for (const p of this.pieces) {
        bytes.set(p, o);
        o += p.length;
      }
      bytes.set(last, o);
      this.pieces = [];
    }
    out.push({ path: this.elemPath, key: this.key, index: this.elemIndex, bytes });
    this.elemBytes = 0;
    this.needComma = true;
    this.state = this.streamingArray ? 5 /* Arr */ : 1 /* ObjKey */;
  }
  /** Scans an element from `i`; returns the index after it, or chunk.length when it continues. */
  scanElem(chunk, i, start, out) {
    const n = chunk.length;
    if (this.mode === 2 /* Scalar */) {
      while (i < n) {
        const b = chunk[i];
        if (b === 44 || b === 125 || b === 93 || isWs(b)) {
          this.emit(chunk, start, i, out);
          return i;
        }
        i++;
      }
    } else {
      let depth = this.depth;
      let inString = this.inString || this.mode === 1 /* Str */;
      let escape = this.escape;
      if (this.mode === 1 /* Str */ && this.elemBytes === 0 && i === start) {
        i++;
      }
      for (; i < n; i++) {
        const b = chunk[i];
        if (inString) {
          if (escape) escape = false;
          else if (b === 92) escape = true;
          else if (b === 34) {
            inString = false;
            if (this.mode === 1 /* Str */) {
              this.emit(chunk, start, i + 1, out);
              return i + 1;
            }
          }
        } else if (b === 34) inString = true;
        else if (b === 123 || b === 91) depth++;
        else if (b === 125 || b === 93) {
          if (--depth === 0) {
            this.emit(chunk, start, i + 1, out);
            return i + 1;
          }
        }
      }
      this.depth = depth;
      this.inString = inString;
      this.escape = escape;
    }
    const rest = chunk.subarray(start);
    this.pieces.push(rest);
    this.elemBytes += rest.length;
    if (this.elemBytes > this.maxElementBytes) {
      this.fail(
        this.base + n,
        `${this.elemPath} is larger than ${Math.round(this.maxElementBytes / 1048576)} MiB; a single element that big cannot be imported`
      );
    }
    return n;
  }
  push(chunk, out) {
    const n = chunk.length;
    let i = 0;
    if (this.state === 6 /* Elem */) i = this.scanElem(chunk, 0, 0, out);
    while (i < n) {
      const b = chunk[i];
      switch (this.state) {
        case 0 /* Root */:
        case 7 /* Done */: {
          if (isWs(b) || b === 239 && this.base + i === 0 || this.base + i <= 2 && (b === 187 || b === 191)) break;
          if (b !== 123 && b !== 91) {
            this.fail(this.base + i, this.state === 0 /* Root */ ? `expected a JSON object or array, found ${describe(b)}` : `unexpected ${describe(b)} after the end of the JSON document`);
          }
          this.roots++;
          this.needComma = false;
          this.index = 0;
          this.key = null;
          if (b === 91) {
            this.rootIsArray = true;
            this.streamingArray = true;
            this.state = 5 /* Arr */;
          } else {
            this.rootIsArray = false;
            this.streamingArray = false;
            this.state = 1 /* ObjKey */;
          }
          break;
        }
        case 1 /* ObjKey */: {
          if (isWs(b)) break;
          if (b === 125) {
            this.state = 7 /* Done */;
            break;
          }
          if (this.needComma) {
            if (b !== 44) this.fail(this.base + i, `expected ',' or '}' in the top-level object, found ${describe(b)}`);
            this.needComma = false;
            break;
          }
          if (b !== 34) this.fail(this.base + i, `expected a member name in the top-level object, found ${describe(b)}`);
          this.state = 2 /* Key */;
          this.keyBytes = [];
          this.keyEscape = false;
          break;
        }
        case 2 /* Key */: {
          if (this.keyEscape) this.keyEscape = false;
          else if (b === 92) this.keyEscape = true;
          else if (b === 34) {
            this.key = this.parseKey(this.base + i);
            this.state = 3 /* Colon */;
            break;
          }
          this.keyBytes.push(b);
          if (this.keyBytes.length > 65536) this.fail(this.base + i, "a top-level member name is longer than 64 KiB");
          break;
        }
        case 3 /* Colon */: {
          if (isWs(b)) break;
          if (b !== 58) this.fail(this.base + i, `expected ':' after "${this.key}", found ${describe(b)}`);
          this.state = 4 /* Value */;
          break;
        }
        case 4 /* Value */: {
          if (isWs(b)) break;
          if (b === 91 && this.streamKeys.has(this.key)) {
            this.streamingArray = true;
            this.index = 0;
            this.needComma = false;
            this.state = 5 /* Arr */;
            break;
          }
          this.startElem(b, `${this.prefix()}.${this.key}`, -1);
          i = this.scanElem(chunk, i, i, out);
          continue;
        }
        case 5 /* Arr */: {
          if (isWs(b)) break;
          if (b === 93) {
            if (this.rootIsArray) this.state = 7 /* Done */;
            else {
              this.streamingArray = false;
              this.needComma = true;
              this.state = 1 /* ObjKey */;
            }
            break;
          }
          if (this.needComma) {
            if (b !== 44) this.fail(this.base + i, `expected ',' or ']' after ${this.lastPath()}, found ${describe(b)}`);
            this.needComma = false;
            break;
          }
          const path = this.rootIsArray ? `${this.prefix()}[${this.index}]` : `${this.prefix()}.${this.key}[${this.index}]`;
          this.startElem(b, path, this.index);
          this.index++;
          i = this.scanElem(chunk, i, i, out);
          continue;
        }
        default:
          break;
      }
      i++;
    }
    this.base += n;
  }
  lastPath() {
    return this.rootIsArray ? `${this.prefix()}[${this.index - 1}]` : `${this.prefix()}.${this.key}[${this.index - 1}]`;
  }
  parseKey(at) {
    const text = utf8Decoder().decode(Uint8Array.from(this.keyBytes));
    try {
      return JSON.parse(`"${text}"`);
    } catch {
      return this.fail(at, "a top-level member name is not a valid JSON string");
    }
  }
  /**
   * Where the input stopped if it ended early: the path of an unfinished element, or a byte offset when
   * it ended between elements; null when the document was complete. Throws for an empty input.
   */
  end() {
    if (this.state === 7 /* Done */) return null;
    if (this.state === 0 /* Root */) {
      if (this.roots === 0) throw new DecodeError(this.fileName, "", "the file is empty");
      return null;
    }
    if (this.state === 6 /* Elem */) {
      return { where: this.elemPath, inElement: true };
    }
    return { where: `byte ${this.base}`, inElement: false };
  }
};

// shared/decode/lines.ts
var LineSplitter = class {
  constructor(fileName, maxLineBytes) {
    this.fileName = fileName;
    this.maxLineBytes = maxLineBytes;
  }
  fileName;
  maxLineBytes;
  pieces = [];
  pending = 0;
  number = 0;
  take(last) {
    if (this.pieces.length === 0) return last;
    const out = new Uint8Array(this.pending + last.length);
    let o = 0;
    for (const p of this.pieces) {
      out.set(p, o);
      o += p.length;
    }
    out.set(last, o);
    this.pieces = [];
    this.pending = 0;
    return out;
  }
  push(chunk, out) {
    let from = 0;
    for (; ; ) {
      const nl = chunk.indexOf(10, from);
      if (nl === -1) break;
      const end = nl > from && chunk[nl - 1] === 13 ? nl - 1 : nl;
      this.number++;
      let bytes = this.take(chunk.subarray(from, end));
      if (end === nl && nl === from && bytes.length > 0 && bytes[bytes.length - 1] === 13) bytes = bytes.subarray(0, bytes.length - 1);
      out.push({ number: this.number, bytes });
      from = nl + 1;
    }
    if (from < chunk.length) {
      const rest = chunk.subarray(from);
      this.pieces.push(rest);
      this.pending += rest.length;
      if (this.pending > this.maxLineBytes) {
        throw new DecodeError(this.fileName, `line ${this.number + 1}`, `the line is longer than ${Math.round(this.maxLineBytes / 1048576)} MiB`);
      }
    }
  }
  /** The last line when the input did not end with a newline (a writer may have been cut off). */
  end() {
    if (this.pending === 0) return null;
    this.number++;
    return { number: this.number, bytes: this.take(new Uint8Array(0)) };
  }
};

// shared/decode/anyvalue.ts
function intValue(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = Number(v);
    if (Number.isSafeInteger(n)) return n;
    return /^-?\d+$/.test(v) ? v : null;
  }
  return v === void 0 || v === null ? null : String(v);
}
function doubleValue(v) {
  if (typeof v === "number") return v;
  if (typeof v === "string") {
    const n = Number(v);
    return Number.isNaN(n) && v !== "NaN" ? v : n;
  }
  return null;
}
function toAttrValue(value) {
  const simple = scalar(value);
  if (simple !== NESTED) return simple;
  const rootHolder = [];
  const stack = [];
  const open = (v, put) => {
    const arr = v.arrayValue ?? v.array_value;
    if (arr !== void 0) {
      const target2 = [];
      put(target2);
      const values2 = arr && Array.isArray(arr.values) ? arr.values : [];
      stack.push({ source: values2, target: target2, keyed: false, i: 0 });
      return;
    }
    const kv = v.kvlistValue ?? v.kvlist_value;
    const target = {};
    put(target);
    const values = kv && Array.isArray(kv.values) ? kv.values : [];
    stack.push({ source: values, target, keyed: true, i: 0 });
  };
  open(value, (x) => rootHolder.push(x));
  while (stack.length > 0) {
    const top = stack[stack.length - 1];
    if (top.i >= top.source.length) {
      stack.pop();
      continue;
    }
    const item = top.source[top.i++];
    let key = "";
    let inner = item;
    if (top.keyed) {
      if (item === null || typeof item !== "object") continue;
      key = String(item.key ?? "");
      inner = item.value;
    }
    const put = top.keyed ? (x) => {
      top.target[key] = x;
    } : (x) => {
      top.target.push(x);
    };
    const s = scalar(inner);
    if (s === NESTED) open(inner, put);
    else put(s);
  }
  return rootHolder[0] ?? null;
}
var NESTED = /* @__PURE__ */ Symbol("nested");
function scalar(value) {
  if (value === null || typeof value !== "object") return null;
  const v = value;
  let x = v.stringValue;
  if (x !== void 0) return typeof x === "string" ? x : String(x);
  x = v.intValue;
  if (x !== void 0) return intValue(x);
  x = v.doubleValue;
  if (x !== void 0) return doubleValue(x);
  x = v.boolValue;
  if (x !== void 0) return x === true || x === "true";
  if (v.arrayValue !== void 0 || v.kvlistValue !== void 0) return NESTED;
  x = v.bytesValue;
  if (x !== void 0) return typeof x === "string" ? x : null;
  x = v.string_value;
  if (x !== void 0) return typeof x === "string" ? x : String(x);
  x = v.int_value;
  if (x !== void 0) return intValue(x);
  x = v.double_value;
  if (x !== void 0) return doubleValue(x);
  x = v.bool_value;
  if (x !== void 0) return x === true || x === "true";
  if (v.array_value !== void 0 || v.kvlist_value !== void 0) return NESTED;
  x = v.bytes_value;
  if (x !== void 0) return typeof x === "string" ? x : null;
  return null;
}
function toAttributes(list2) {
  const out = {};
  if (!Array.isArray(list2)) return out;
  for (let i = 0; i < list2.length; i++) {
    const kv = list2[i];
    if (kv === null || typeof kv !== "object") continue;
    const key = kv.key;
    if (typeof key !== "string") continue;
    out[key] = toAttrValue(kv.value);
  }
  return out;
}

// shared/decode/otlp.ts
var KIND_NAMES = {
  SPAN_KIND_UNSPECIFIED: 0,
  SPAN_KIND_INTERNAL: 1,
  SPAN_KIND_SERVER: 2,
  SPAN_KIND_CLIENT: 3,
  SPAN_KIND_PRODUCER: 4,
  SPAN_KIND_CONSUMER: 5
};
var STATUS_NAMES = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };
function isObj2(v) {
  return v !== null && typeof v === "object" && !Array.isArray(v);
}
function list(v) {
  return Array.isArray(v) ? v : [];
}
function enumValue(v, names, prefix, max) {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= max ? v : 0;
  if (typeof v === "string") {
    const n = names[v] ?? names[prefix + v.toUpperCase()];
    if (n !== void 0) return n;
    const asNumber = Number(v);
    if (Number.isInteger(asNumber) && asNumber >= 0 && asNumber <= max) return asNumber;
  }
  return 0;
}
function severityNumber(v) {
  if (typeof v === "number") return Number.isInteger(v) && v >= 0 && v <= 24 ? v : 0;
  if (typeof v !== "string") return 0;
  const m = /^(?:SEVERITY_NUMBER_)?(TRACE|DEBUG|INFO|WARN|ERROR|FATAL)([234]?)$/.exec(v.toUpperCase());
  if (m) {
    const base = { TRACE: 1, DEBUG: 5, INFO: 9, WARN: 13, ERROR: 17, FATAL: 21 }[m[1]];
    return base + (m[2] ? Number(m[2]) - 1 : 0);
  }
  const n = Number(v);
  return Number.isInteger(n) && n >= 0 && n <= 24 ? n : 0;
}
function toScope(v) {
  if (!isObj2(v)) return { name: "" };
  const scope = { name: typeof v.name === "string" ? v.name : "" };
  if (typeof v.version === "string" && v.version !== "") scope.version = v.version;
  const attrs = v.attributes;
  if (Array.isArray(attrs) && attrs.length > 0) scope.attributes = toAttributes(attrs);
  return scope;
}
function resourceAttributes(rs) {
  const resource = rs.resource;
  return isObj2(resource) ? toAttributes(resource.attributes) : {};
}
function scopeGroups(rs, camel, snake, legacyCamel, legacySnake) {
  return list(rs[camel] ?? rs[snake] ?? rs[legacyCamel] ?? rs[legacySnake]);
}
function addSpan(c, s, resource, scope) {
  if (!isObj2(s)) return "a span must be an object";
  const rawTrace = s.traceId ?? s.trace_id;
  const traceId = normalizeTraceId(rawTrace);
  if (traceId === null) return rawTrace === void 0 ? "the span has no traceId" : `invalid traceId ${JSON.stringify(rawTrace)}`;
  const rawSpan = s.spanId ?? s.span_id;
  const spanId = normalizeSpanId(rawSpan);
  if (spanId === null) return rawSpan === void 0 ? "the span has no spanId" : `invalid spanId ${JSON.stringify(rawSpan)}`;
  const rawParent = s.parentSpanId ?? s.parent_span_id;
  const parentSpanId = normalizeParentId(rawParent);
  if (parentSpanId === null) return `invalid parentSpanId ${JSON.stringify(rawParent)}`;
  const rawStart = s.startTimeUnixNano ?? s.start_time_unix_nano;
  if (!readNs(rawStart)) return rawStart === void 0 ? "the span has no startTimeUnixNano" : `invalid startTimeUnixNano ${JSON.stringify(rawStart)}`;
  const startSec = nsOut.sec;
  const startNano = nsOut.nano;
  const acc = c.trace(traceId, startSec);
  const ref = acc.refSec;
  const start = (startSec - ref) * 1e9 + startNano;
  const rawEnd = s.endTimeUnixNano ?? s.end_time_unix_nano;
  let duration = 0;
  if (rawEnd !== void 0 && readNs(rawEnd)) {
    duration = (nsOut.sec - ref) * 1e9 + nsOut.nano - start;
    if (duration < 0) duration = 0;
  }
  const events = [];
  const rawEvents = s.events;
  if (Array.isArray(rawEvents)) {
    for (let i = 0; i < rawEvents.length; i++) {
      const e = rawEvents[i];
      if (!isObj2(e)) continue;
      const t = readNs(e.timeUnixNano ?? e.time_unix_nano) ? (nsOut.sec - ref) * 1e9 + nsOut.nano : start;
      events.push({ t, name: typeof e.name === "string" ? e.name : "", attributes: toAttributes(e.attributes) });
    }
  }
  const rawStatus = s.status;
  let status = { code: 0 };
  if (isObj2(rawStatus)) {
    status = { code: enumValue(rawStatus.code, STATUS_NAMES, "STATUS_CODE_", 2) };
    if (typeof rawStatus.message === "string" && rawStatus.message !== "") status.message = rawStatus.message;
  }
  const span = {
    spanId,
    parentSpanId,
    name: typeof s.name === "string" ? s.name : "",
    kind: enumValue(s.kind, KIND_NAMES, "SPAN_KIND_", 5),
    start,
    duration,
    status,
    attributes: toAttributes(s.attributes),
    events,
    resource: 0,
    scope: 0
  };
  const rawLinks = s.links;
  if (Array.isArray(rawLinks) && rawLinks.length > 0) {
    const links = [];
    for (const l of rawLinks) {
      if (!isObj2(l)) continue;
      const lt = normalizeTraceId(l.traceId ?? l.trace_id);
      const ls = normalizeSpanId(l.spanId ?? l.span_id);
      if (lt && ls) links.push({ traceId: lt, spanId: ls, attributes: toAttributes(l.attributes) });
    }
    if (links.length > 0) span.links = links;
  }
  const traceState = s.traceState ?? s.trace_state;
  if (typeof traceState === "string" && traceState !== "") span.traceState = traceState;
  c.addSpan(acc, span, resource, scope);
  return null;
}
function convertResourceSpans(c, rs, path) {
  if (!isObj2(rs)) {
    c.skip(path, "expected an object with resource and scopeSpans");
    return;
  }
  const resource = resourceAttributes(rs);
  const groups = scopeGroups(rs, "scopeSpans", "scope_spans", "instrumentationLibrarySpans", "instrumentation_library_spans");
  for (let g2 = 0; g2 < groups.length; g2++) {
    const group = groups[g2];
    if (!isObj2(group)) {
      c.skip(`${path}.scopeSpans[${g2}]`, "expected an object with scope and spans");
      continue;
    }
    const scope = toScope(group.scope ?? group.instrumentationLibrary ?? group.instrumentation_library);
    const spans = list(group.spans);
    for (let i = 0; i < spans.length; i++) {
      const problem = addSpan(c, spans[i], resource, scope);
      if (problem !== null) c.skip(`${path}.scopeSpans[${g2}].spans[${i}]`, problem);
    }
  }
}
function nsText(v) {
  return readNs(v) ? formatNs(nsOut.sec, nsOut.nano) : null;
}
function toLog(r, resource, scope) {
  const time = nsText(r.timeUnixNano ?? r.time_unix_nano);
  const observed = nsText(r.observedTimeUnixNano ?? r.observed_time_unix_nano);
  const timeNs = time !== null && time !== "0" ? time : observed ?? time ?? "0";
  const rawTrace = r.traceId ?? r.trace_id;
  const rawSpan = r.spanId ?? r.span_id;
  const traceId = rawTrace === void 0 || rawTrace === "" ? "" : normalizeTraceId(rawTrace);
  if (traceId === null) return `invalid traceId ${JSON.stringify(rawTrace)}`;
  const spanId = rawSpan === void 0 || rawSpan === "" ? "" : normalizeSpanId(rawSpan);
  if (spanId === null) return `invalid spanId ${JSON.stringify(rawSpan)}`;
  const severityText = r.severityText ?? r.severity_text;
  readNs(timeNs);
  const log = {
    timeNs,
    timeMs: nsOut.sec * 1e3 + nsOut.nano / 1e6,
    severityNumber: severityNumber(r.severityNumber ?? r.severity_number),
    severityText: typeof severityText === "string" ? severityText : "",
    body: toAttrValue(r.body),
    traceId,
    spanId,
    attributes: toAttributes(r.attributes),
    resource,
    scope
  };
  if (observed !== null && observed !== "0") log.observedTimeNs = observed;
  const flags = r.flags;
  if (typeof flags === "number" && flags !== 0) log.flags = flags;
  return log;
}
function convertResourceLogs(c, rl, path) {
  if (!isObj2(rl)) {
    c.skip(path, "expected an object with resource and scopeLogs");
    return;
  }
  const resource = resourceAttributes(rl);
  const groups = scopeGroups(rl, "scopeLogs", "scope_logs", "instrumentationLibraryLogs", "instrumentation_library_logs");
  for (let g2 = 0; g2 < groups.length; g2++) {
    const group = groups[g2];
    if (!isObj2(group)) {
      c.skip(`${path}.scopeLogs[${g2}]`, "expected an object with scope and logRecords");
      continue;
    }
    const scope = toScope(group.scope ?? group.instrumentationLibrary ?? group.instrumentation_library);
    const records = list(group.logRecords ?? group.log_records);
    for (let i = 0; i < records.length; i++) {
      const r = records[i];
      const log = isObj2(r) ? toLog(r, resource, scope) : "a log record must be an object";
      if (typeof log === "string") c.skip(`${path}.scopeLogs[${g2}].logRecords[${i}]`, log);
      else c.addLog(log);
    }
  }
}
function convertRequest(c, doc, path) {
  if (!isObj2(doc)) return false;
  let found = false;
  for (const [key, convert, name] of [
    ["resourceSpans", convertResourceSpans, "resourceSpans"],
    ["resource_spans", convertResourceSpans, "resourceSpans"],
    ["resourceLogs", convertResourceLogs, "resourceLogs"],
    ["resource_logs", convertResourceLogs, "resourceLogs"],
    ["batches", convertResourceSpans, "batches"]
  ]) {
    const items = doc[key];
    if (items === void 0) continue;
    found = true;
    if (!Array.isArray(items)) {
      c.skip(`${path}.${name}`, "expected an array");
      continue;
    }
    for (let i = 0; i < items.length; i++) convert(c, items[i], `${path}.${name}[${i}]`);
  }
  return found;
}

// shared/sanitize/index.ts
var MASK = "****";
var CARD_RUN_RE = /(?:\d[\n -]*){11,18}\d/g;
var CREDENTIAL_HEADERS = /* @__PURE__ */ new Set(["authorization", "proxy-authorization"]);
function luhnValid(text) {
  let sum = 0;
  let double = false;
  let digits = 0;
  for (let i = text.length - 1; i >= 0; i--) {
    const c = text.charCodeAt(i) - 48;
    if (c < 0 || c > 9) continue;
    digits++;
    let d = c;
    if (double) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
    double = !double;
  }
  return digits > 0 && sum % 10 === 0;
}
function maskCardNumbers(text) {
  if (text.length < 12) return text;
  return text.replace(CARD_RUN_RE, (run) => luhnValid(run) ? "*".repeat(run.length) : run);
}
function maskAuthorization(value) {
  const m = /^\s*([A-Za-z][A-Za-z0-9!#$%&'*+.^_`|~-]*)\s+\S/.exec(value);
  if (m) return `${m[1]} ${MASK}`;
  return value.trim() === "" ? value : MASK;
}
function isCredentialHeader(name) {
  return CREDENTIAL_HEADERS.has(name.toLowerCase());
}
function sanitizeHeaderValue(name, value) {
  return isCredentialHeader(name) ? maskAuthorization(value) : maskCardNumbers(value);
}
function sanitizeHeaders(headers2) {
  const out = {};
  for (const [name, value] of Object.entries(headers2)) {
    out[name] = Array.isArray(value) ? value.map((v) => sanitizeHeaderValue(name, v)) : sanitizeHeaderValue(name, value);
  }
  return out;
}
function sanitizePart(part) {
  const out = { headers: sanitizeHeaders(part.headers) };
  if (part.body !== void 0) out.body = maskCardNumbers(part.body);
  return out;
}
function sanitizePayload(payload) {
  return { traceId: payload.traceId, request: sanitizePart(payload.request), response: sanitizePart(payload.response) };
}

// shared/decode/payloads.ts
var PAYLOAD_KEY_RE = /^([0-9a-fA-F]{32}):reqres$/;
function headers(v) {
  let value = v;
  if (typeof value === "string") {
    try {
      value = JSON.parse(value);
    } catch {
      return null;
    }
  }
  if (value === void 0 || value === null) return {};
  if (typeof value !== "object" || Array.isArray(value)) return null;
  const out = {};
  for (const [k, h] of Object.entries(value)) {
    if (Array.isArray(h)) out[k] = h.map((x) => typeof x === "string" ? x : JSON.stringify(x));
    else if (h !== void 0 && h !== null) out[k] = typeof h === "string" ? h : JSON.stringify(h);
  }
  return out;
}
function body(v) {
  if (v === void 0 || v === null) return void 0;
  return typeof v === "string" ? v : JSON.stringify(v);
}
function convertPayload(c, key, value, path) {
  const m = PAYLOAD_KEY_RE.exec(key);
  const traceId = m ? normalizeTraceId(m[1]) : null;
  if (traceId === null) {
    c.skip(path, `"${key}" is not a "<trace id>:reqres" key`);
    return;
  }
  if (value === null || typeof value !== "object" || Array.isArray(value)) {
    c.skip(path, "expected an object with request_headers, request_body, response_headers, response_body");
    return;
  }
  const v = value;
  const requestHeaders = headers(v.request_headers);
  const responseHeaders = headers(v.response_headers);
  if (requestHeaders === null || responseHeaders === null) {
    c.skip(path, "headers must be an object of header names to values");
    return;
  }
  const payload = {
    traceId,
    request: { headers: requestHeaders },
    response: { headers: responseHeaders }
  };
  const requestBody = body(v.request_body);
  const responseBody = body(v.response_body);
  if (requestBody !== void 0) payload.request.body = requestBody;
  if (responseBody !== void 0) payload.response.body = responseBody;
  c.addPayload(sanitizePayload(payload));
}

// shared/decode/json-input.ts
var STREAM_KEYS = /* @__PURE__ */ new Set(["resourceSpans", "resource_spans", "resourceLogs", "resource_logs", "batches", "data"]);
function jsonLayout(head, ended) {
  let i = 0;
  const n = head.length;
  if (n >= 3 && head[0] === 239 && head[1] === 187 && head[2] === 191) i = 3;
  let depth = 0;
  let inString = false;
  let escape = false;
  let started = false;
  for (; i < n; i++) {
    const b = head[i];
    if (inString) {
      if (escape) escape = false;
      else if (b === 92) escape = true;
      else if (b === 34) inString = false;
      continue;
    }
    if (b === 10) {
      if (started && depth > 0) return "document";
      continue;
    }
    if (b === 34) inString = true;
    else if (b === 123 || b === 91) {
      depth++;
      started = true;
    } else if (b === 125 || b === 93) {
      if (--depth === 0) break;
    }
  }
  if (i >= n) return ended ? "document" : "more";
  for (i++; i < n; i++) {
    const b = head[i];
    if (b === 10) break;
    if (b !== 32 && b !== 9 && b !== 13) return "document";
  }
  for (i++; i < n; i++) {
    const b = head[i];
    if (b !== 32 && b !== 9 && b !== 13 && b !== 10) return "lines";
  }
  return ended ? "document" : "more";
}
function parse(text) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (e) {
    return { ok: false, error: errorText(e) };
  }
}
async function* decodeJsonLines(ctx, source) {
  const { c } = ctx;
  c.format = "otlp-jsonl";
  const splitter = new LineSplitter(ctx.fileName, ctx.maxElementBytes);
  const decoder = utf8Decoder();
  const lines = [];
  const handle = (line, last2) => {
    let text = decoder.decode(line.bytes);
    if (line.number === 1 && text.charCodeAt(0) === 65279) text = text.slice(1);
    if (text.trim() === "") return;
    const where = `line ${line.number}`;
    const parsed = parse(text);
    if (!parsed.ok) {
      c.skip(where, last2 ? `the last line is incomplete (the writer was probably cut off): ${parsed.error}` : `invalid JSON: ${parsed.error}`);
      return;
    }
    if (!convertRequest(c, parsed.value, `${where} $`)) c.skip(where, "the line holds neither resourceSpans nor resourceLogs");
  };
  for await (const chunk of source) {
    checkAborted(ctx);
    ctx.bytesRead += chunk.length;
    splitter.push(chunk, lines);
    for (let k = 0; k < lines.length; k++) {
      handle(lines[k], false);
      if (batchFull(ctx)) yield takeBatch(ctx);
    }
    lines.length = 0;
  }
  const last = splitter.end();
  if (last) handle(last, true);
}
function dispatch(c, unit, value, rest) {
  const { key, path } = unit;
  if (key === null) {
    const v = value;
    if (v !== null && typeof v === "object" && !Array.isArray(v)) {
      if ("traceId" in v && "id" in v) {
        c.format ??= "zipkin";
        convertZipkinSpan(c, v, path);
        return;
      }
      if ("traceID" in v && "spans" in v) {
        c.format ??= "jaeger";
        convertJaegerTrace(c, v, path);
        return;
      }
      c.format ??= "otlp-json";
      if (convertRequest(c, v, path)) return;
    }
    c.skip(path, "expected a Zipkin span, a Jaeger trace or an OTLP export request");
    return;
  }
  switch (key) {
    case "resourceSpans":
    case "resource_spans":
      c.format ??= "otlp-json";
      if (unit.index >= 0) convertResourceSpans(c, value, path);
      else c.skip(path, "expected an array");
      return;
    case "resourceLogs":
    case "resource_logs":
      c.format ??= "otlp-json";
      if (unit.index >= 0) convertResourceLogs(c, value, path);
      else c.skip(path, "expected an array");
      return;
    case "batches":
      c.format ??= "konnect";
      if (unit.index >= 0) convertResourceSpans(c, value, path);
      else c.skip(path, "expected an array");
      return;
    case "data":
      if (unit.index >= 0) {
        c.format ??= "jaeger";
        convertJaegerTrace(c, value, path);
        return;
      }
      break;
    default:
      if (PAYLOAD_KEY_RE.test(key)) {
        c.format ??= "payloads";
        convertPayload(c, key, value, path);
        return;
      }
  }
  rest[key] = value;
}
async function* decodeJsonDocument(ctx, source) {
  const { c } = ctx;
  const splitter = new JsonDocSplitter(ctx.fileName, STREAM_KEYS, ctx.maxElementBytes);
  const decoder = utf8Decoder();
  const units = [];
  const rest = {};
  for await (const chunk of source) {
    checkAborted(ctx);
    ctx.bytesRead += chunk.length;
    splitter.push(chunk, units);
    for (let k = 0; k < units.length; k++) {
      const unit = units[k];
      const parsed = parse(decoder.decode(unit.bytes));
      if (!parsed.ok) c.skip(unit.path, `invalid JSON: ${parsed.error}`);
      else dispatch(c, unit, parsed.value, rest);
      if (batchFull(ctx)) yield takeBatch(ctx);
    }
    units.length = 0;
  }
  const cut = splitter.end();
  if (cut) {
    c.skip(cut.where, cut.inElement ? "the document ends inside this element (truncated file?)" : "the document ends early (truncated file?)");
  }
  if (Array.isArray(rest.spans) && ("traceID" in rest || "processes" in rest)) {
    c.format ??= "jaeger";
    convertJaegerTrace(c, rest, "$");
  }
}

// node_modules/fzstd/esm/index.mjs
var ab = ArrayBuffer;
var u8 = Uint8Array;
var u16 = Uint16Array;
var i16 = Int16Array;
var i32 = Int32Array;
var slc = function(v, s, e) {
  if (u8.prototype.slice)
    return u8.prototype.slice.call(v, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  var n = new u8(e - s);
  n.set(v.subarray(s, e));
  return n;
};
var fill = function(v, n, s, e) {
  if (u8.prototype.fill)
    return u8.prototype.fill.call(v, n, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  for (; s < e; ++s)
    v[s] = n;
  return v;
};
var cpw = function(v, t, s, e) {
  if (u8.prototype.copyWithin)
    return u8.prototype.copyWithin.call(v, t, s, e);
  if (s == null || s < 0)
    s = 0;
  if (e == null || e > v.length)
    e = v.length;
  while (s < e) {
    v[t++] = v[s++];
  }
};
var ec = [
  "invalid zstd data",
  "window size too large (>2046MB)",
  "invalid block type",
  "FSE accuracy too high",
  "match distance too far back",
  "unexpected EOF"
];
var err = function(ind, msg, nt) {
  var e = new Error(msg || ec[ind]);
  e.code = ind;
  if (Error.captureStackTrace)
    Error.captureStackTrace(e, err);
  if (!nt)
    throw e;
  return e;
};
var rb = function(d, b, n) {
  var i = 0, o = 0;
  for (; i < n; ++i)
    o |= d[b++] << (i << 3);
  return o;
};
var b4 = function(d, b) {
  return (d[b] | d[b + 1] << 8 | d[b + 2] << 16 | d[b + 3] << 24) >>> 0;
};
var rzfh = function(dat, w) {
  var n3 = dat[0] | dat[1] << 8 | dat[2] << 16;
  if (n3 == 3126568 && dat[3] == 253) {
    var flg = dat[4];
    var ss = flg >> 5 & 1, cc = flg >> 2 & 1, df = flg & 3, fcf = flg >> 6;
    if (flg & 8)
      err(0);
    var bt = 6 - ss;
    var db = df == 3 ? 4 : df;
    var di = rb(dat, bt, db);
    bt += db;
    var fsb = fcf ? 1 << fcf : ss;
    var fss = rb(dat, bt, fsb) + (fcf == 1 && 256);
    var ws = fss;
    if (!ss) {
      var wb = 1 << 10 + (dat[5] >> 3);
      ws = wb + (wb >> 3) * (dat[5] & 7);
    }
    if (ws > 2145386496)
      err(1);
    var buf = new u8((w == 1 ? fss || ws : w ? 0 : ws) + 12);
    buf[0] = 1, buf[4] = 4, buf[8] = 8;
    return {
      b: bt + fsb,
      y: 0,
      l: 0,
      d: di,
      w: w && w != 1 ? w : buf.subarray(12),
      e: ws,
      o: new i32(buf.buffer, 0, 3),
      u: fss,
      c: cc,
      m: Math.min(131072, ws)
    };
  } else if ((n3 >> 4 | dat[3] << 20) == 25481893) {
    return b4(dat, 4) + 8;
  }
  err(0);
};
var msb = function(val) {
  var bits = 0;
  for (; 1 << bits <= val; ++bits)
    ;
  return bits - 1;
};
var rfse = function(dat, bt, mal) {
  var tpos = (bt << 3) + 4;
  var al = (dat[bt] & 15) + 5;
  if (al > mal)
    err(3);
  var sz = 1 << al;
  var probs = sz, sym = -1, re = -1, i = -1, ht = sz;
  var buf = new ab(512 + (sz << 2));
  var freq = new i16(buf, 0, 256);
  var dstate = new u16(buf, 0, 256);
  var nstate = new u16(buf, 512, sz);
  var bb1 = 512 + (sz << 1);
  var syms = new u8(buf, bb1, sz);
  var nbits = new u8(buf, bb1 + sz);
  while (sym < 255 && probs > 0) {
    var bits = msb(probs + 1);
    var cbt = tpos >> 3;
    var msk = (1 << bits + 1) - 1;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (tpos & 7) & msk;
    var msk1fb = (1 << bits) - 1;
    var msv = msk - probs - 1;
    var sval = val & msk1fb;
    if (sval < msv)
      tpos += bits, val = sval;
    else {
      tpos += bits + 1;
      if (val > msk1fb)
        val -= msv;
    }
    freq[++sym] = --val;
    if (val == -1) {
      probs += val;
      syms[--ht] = sym;
    } else
      probs -= val;
    if (!val) {
      do {
        var rbt = tpos >> 3;
        re = (dat[rbt] | dat[rbt + 1] << 8) >> (tpos & 7) & 3;
        tpos += 2;
        sym += re;
      } while (re == 3);
    }
  }
  if (sym > 255 || probs)
    err(0);
  var sympos = 0;
  var sstep = (sz >> 1) + (sz >> 3) + 3;
  var smask = sz - 1;
  for (var s = 0; s <= sym; ++s) {
    var sf = freq[s];
    if (sf < 1) {
      dstate[s] = -sf;
      continue;
    }
    for (i = 0; i < sf; ++i) {
      syms[sympos] = s;
      do {
        sympos = sympos + sstep & smask;
      } while (sympos >= ht);
    }
  }
  if (sympos)
    err(0);
  for (i = 0; i < sz; ++i) {
    var ns = dstate[syms[i]]++;
    var nb = nbits[i] = al - msb(ns);
    nstate[i] = (ns << nb) - sz;
  }
  return [tpos + 7 >> 3, {
    b: al,
    s: syms,
    n: nbits,
    t: nstate
  }];
};
var rhu = function(dat, bt) {
  var i = 0, wc = -1;
  var buf = new u8(292), hb = dat[bt];
  var hw = buf.subarray(0, 256);
  var rc = buf.subarray(256, 268);
  var ri = new u16(buf.buffer, 268);
  if (hb < 128) {
    var _a = rfse(dat, bt + 1, 6), ebt = _a[0], fdt = _a[1];
    bt += hb;
    var epos = ebt << 3;
    var lb = dat[bt];
    if (!lb)
      err(0);
    var st1 = 0, st2 = 0, btr1 = fdt.b, btr2 = btr1;
    var fpos = (++bt << 3) - 8 + msb(lb);
    for (; ; ) {
      fpos -= btr1;
      if (fpos < epos)
        break;
      var cbt = fpos >> 3;
      st1 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr1) - 1;
      hw[++wc] = fdt.s[st1];
      fpos -= btr2;
      if (fpos < epos)
        break;
      cbt = fpos >> 3;
      st2 += (dat[cbt] | dat[cbt + 1] << 8) >> (fpos & 7) & (1 << btr2) - 1;
      hw[++wc] = fdt.s[st2];
      btr1 = fdt.n[st1];
      st1 = fdt.t[st1];
      btr2 = fdt.n[st2];
      st2 = fdt.t[st2];
    }
    if (++wc > 255)
      err(0);
  } else {
    wc = hb - 127;
    for (; i < wc; i += 2) {
      var byte = dat[++bt];
      hw[i] = byte >> 4;
      hw[i + 1] = byte & 15;
    }
    ++bt;
  }
  var wes = 0;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    if (wt > 11)
      err(0);
    wes += wt && 1 << wt - 1;
  }
  var mb = msb(wes) + 1;
  var ts = 1 << mb;
  var rem = ts - wes;
  if (rem & rem - 1)
    err(0);
  hw[wc++] = msb(rem) + 1;
  for (i = 0; i < wc; ++i) {
    var wt = hw[i];
    ++rc[hw[i] = wt && mb + 1 - wt];
  }
  var hbuf = new u8(ts << 1);
  var syms = hbuf.subarray(0, ts), nb = hbuf.subarray(ts);
  ri[mb] = 0;
  for (i = mb; i > 0; --i) {
    var pv = ri[i];
    fill(nb, i, pv, ri[i - 1] = pv + rc[i] * (1 << mb - i));
  }
  if (ri[0] != ts)
    err(0);
  for (i = 0; i < wc; ++i) {
    var bits = hw[i];
    if (bits) {
      var code = ri[bits];
      fill(syms, i, code, ri[bits] = code + (1 << mb - bits));
    }
  }
  return [bt, {
    n: nb,
    b: mb,
    s: syms
  }];
};
var dllt = rfse(/* @__PURE__ */ new u8([
  81,
  16,
  99,
  140,
  49,
  198,
  24,
  99,
  12,
  33,
  196,
  24,
  99,
  102,
  102,
  134,
  70,
  146,
  4
]), 0, 6)[1];
var dmlt = rfse(/* @__PURE__ */ new u8([
  33,
  20,
  196,
  24,
  99,
  140,
  33,
  132,
  16,
  66,
  8,
  33,
  132,
  16,
  66,
  8,
  33,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  68,
  36,
  9
]), 0, 6)[1];
var doct = rfse(/* @__PURE__ */ new u8([
  32,
  132,
  16,
  66,
  102,
  70,
  68,
  68,
  68,
  68,
  36,
  73,
  2
]), 0, 5)[1];
var b2bl = function(b, s) {
  var len = b.length, bl = new i32(len);
  for (var i = 0; i < len; ++i) {
    bl[i] = s;
    s += 1 << b[i];
  }
  return bl;
};
var llb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  134678020,
  202050057,
  269422093
])).buffer, 0, 36);
var llbl = /* @__PURE__ */ b2bl(llb, 0);
var mlb = /* @__PURE__ */ new u8((/* @__PURE__ */ new i32([
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  0,
  16843009,
  50528770,
  117769220,
  185207048,
  252579084,
  16
])).buffer, 0, 53);
var mlbl = /* @__PURE__ */ b2bl(mlb, 3);
var dhu = function(dat, out, hu) {
  var len = dat.length, ss = out.length, lb = dat[len - 1], msk = (1 << hu.b) - 1, eb = -hu.b;
  if (!lb)
    err(0);
  var st = 0, btr = hu.b, pos = (len << 3) - 8 + msb(lb) - btr, i = -1;
  for (; pos > eb && i < ss; ) {
    var cbt = pos >> 3;
    var val = (dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (pos & 7);
    st = (st << btr | val) & msk;
    out[++i] = hu.s[st];
    pos -= btr = hu.n[st];
  }
  if (pos != eb || i + 1 != ss)
    err(0);
};
var dhu4 = function(dat, out, hu) {
  var bt = 6;
  var ss = out.length, sz1 = ss + 3 >> 2, sz2 = sz1 << 1, sz3 = sz1 + sz2;
  dhu(dat.subarray(bt, bt += dat[0] | dat[1] << 8), out.subarray(0, sz1), hu);
  dhu(dat.subarray(bt, bt += dat[2] | dat[3] << 8), out.subarray(sz1, sz2), hu);
  dhu(dat.subarray(bt, bt += dat[4] | dat[5] << 8), out.subarray(sz2, sz3), hu);
  dhu(dat.subarray(bt), out.subarray(sz3), hu);
};
var rzb = function(dat, st, out) {
  var _a;
  var bt = st.b;
  var b0 = dat[bt], btype = b0 >> 1 & 3;
  st.l = b0 & 1;
  var sz = b0 >> 3 | dat[bt + 1] << 5 | dat[bt + 2] << 13;
  var ebt = (bt += 3) + sz;
  if (btype == 1) {
    if (bt >= dat.length)
      return;
    st.b = bt + 1;
    if (out) {
      fill(out, dat[bt], st.y, st.y += sz);
      return out;
    }
    return fill(new u8(sz), dat[bt]);
  }
  if (ebt > dat.length)
    return;
  if (btype == 0) {
    st.b = ebt;
    if (out) {
      out.set(dat.subarray(bt, ebt), st.y);
      st.y += sz;
      return out;
    }
    return slc(dat, bt, ebt);
  }
  if (btype == 2) {
    var b3 = dat[bt], lbt = b3 & 3, sf = b3 >> 2 & 3;
    var lss = b3 >> 4, lcs = 0, s4 = 0;
    if (lbt < 2) {
      if (sf & 1)
        lss |= dat[++bt] << 4 | (sf & 2 && dat[++bt] << 12);
      else
        lss = b3 >> 3;
    } else {
      s4 = sf;
      if (sf < 2)
        lss |= (dat[++bt] & 63) << 4, lcs = dat[bt] >> 6 | dat[++bt] << 2;
      else if (sf == 2)
        lss |= dat[++bt] << 4 | (dat[++bt] & 3) << 12, lcs = dat[bt] >> 2 | dat[++bt] << 6;
      else
        lss |= dat[++bt] << 4 | (dat[++bt] & 63) << 12, lcs = dat[bt] >> 6 | dat[++bt] << 2 | dat[++bt] << 10;
    }
    ++bt;
    var buf = out ? out.subarray(st.y, st.y + st.m) : new u8(st.m);
    var spl = buf.length - lss;
    if (lbt == 0)
      buf.set(dat.subarray(bt, bt += lss), spl);
    else if (lbt == 1)
      fill(buf, dat[bt++], spl);
    else {
      var hu = st.h;
      if (lbt == 2) {
        var hud = rhu(dat, bt);
        lcs += bt - (bt = hud[0]);
        st.h = hu = hud[1];
      } else if (!hu)
        err(0);
      (s4 ? dhu4 : dhu)(dat.subarray(bt, bt += lcs), buf.subarray(spl), hu);
    }
    var ns = dat[bt++];
    if (ns) {
      if (ns == 255)
        ns = (dat[bt++] | dat[bt++] << 8) + 32512;
      else if (ns > 127)
        ns = ns - 128 << 8 | dat[bt++];
      var scm = dat[bt++];
      if (scm & 3)
        err(0);
      var dts = [dmlt, doct, dllt];
      for (var i = 2; i > -1; --i) {
        var md = scm >> (i << 1) + 2 & 3;
        if (md == 1) {
          var rbuf = new u8([0, 0, dat[bt++]]);
          dts[i] = {
            s: rbuf.subarray(2, 3),
            n: rbuf.subarray(0, 1),
            t: new u16(rbuf.buffer, 0, 1),
            b: 0
          };
        } else if (md == 2) {
          _a = rfse(dat, bt, 9 - (i & 1)), bt = _a[0], dts[i] = _a[1];
        } else if (md == 3) {
          if (!st.t)
            err(0);
          dts[i] = st.t[i];
        }
      }
      var _b = st.t = dts, mlt = _b[0], oct = _b[1], llt = _b[2];
      var lb = dat[ebt - 1];
      if (!lb)
        err(0);
      var spos = (ebt << 3) - 8 + msb(lb) - llt.b, cbt = spos >> 3, oubt = 0;
      var lst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << llt.b) - 1;
      cbt = (spos -= oct.b) >> 3;
      var ost = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << oct.b) - 1;
      cbt = (spos -= mlt.b) >> 3;
      var mst = (dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mlt.b) - 1;
      for (++ns; --ns; ) {
        var llc = llt.s[lst];
        var lbtr = llt.n[lst];
        var mlc = mlt.s[mst];
        var mbtr = mlt.n[mst];
        var ofc = oct.s[ost];
        var obtr = oct.n[ost];
        cbt = (spos -= ofc) >> 3;
        var ofp = 1 << ofc;
        var off = ofp + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16 | dat[cbt + 3] << 24) >>> (spos & 7) & ofp - 1);
        cbt = (spos -= mlb[mlc]) >> 3;
        var ml = mlbl[mlc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << mlb[mlc]) - 1);
        cbt = (spos -= llb[llc]) >> 3;
        var ll = llbl[llc] + ((dat[cbt] | dat[cbt + 1] << 8 | dat[cbt + 2] << 16) >> (spos & 7) & (1 << llb[llc]) - 1);
        cbt = (spos -= lbtr) >> 3;
        lst = llt.t[lst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << lbtr) - 1);
        cbt = (spos -= mbtr) >> 3;
        mst = mlt.t[mst] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << mbtr) - 1);
        cbt = (spos -= obtr) >> 3;
        ost = oct.t[ost] + ((dat[cbt] | dat[cbt + 1] << 8) >> (spos & 7) & (1 << obtr) - 1);
        if (off > 3) {
          st.o[2] = st.o[1];
          st.o[1] = st.o[0];
          st.o[0] = off -= 3;
        } else {
          var idx = off - (ll != 0);
          if (idx) {
            off = idx == 3 ? st.o[0] - 1 : st.o[idx];
            if (idx > 1)
              st.o[2] = st.o[1];
            st.o[1] = st.o[0];
            st.o[0] = off;
          } else
            off = st.o[0];
        }
        for (var i = 0; i < ll; ++i) {
          buf[oubt + i] = buf[spl + i];
        }
        oubt += ll, spl += ll;
        var stin = oubt - off;
        if (stin < 0) {
          var len = -stin;
          var bs = st.e + stin;
          if (len > ml)
            len = ml;
          for (var i = 0; i < len; ++i) {
            buf[oubt + i] = st.w[bs + i];
          }
          oubt += len, ml -= len, stin = 0;
        }
        for (var i = 0; i < ml; ++i) {
          buf[oubt + i] = buf[stin + i];
        }
        oubt += ml;
      }
      if (oubt != spl) {
        while (spl < buf.length) {
          buf[oubt++] = buf[spl++];
        }
      } else
        oubt = buf.length;
      if (out)
        st.y += oubt;
      else
        buf = slc(buf, 0, oubt);
    } else if (out) {
      st.y += lss;
      if (spl) {
        for (var i = 0; i < lss; ++i) {
          buf[i] = buf[spl + i];
        }
      }
    } else if (spl)
      buf = slc(buf, spl);
    st.b = ebt;
    return buf;
  }
  err(2);
};
var cct = function(bufs, ol) {
  if (bufs.length == 1)
    return bufs[0];
  var buf = new u8(ol);
  for (var i = 0, b = 0; i < bufs.length; ++i) {
    var chk = bufs[i];
    buf.set(chk, b);
    b += chk.length;
  }
  return buf;
};
function decompress(dat, buf) {
  var bufs = [], nb = +!buf;
  var bt = 0, ol = 0;
  for (; dat.length; ) {
    var st = rzfh(dat, nb || buf);
    if (typeof st == "object") {
      if (nb) {
        buf = null;
        if (st.w.length == st.u) {
          bufs.push(buf = st.w);
          ol += st.u;
        }
      } else {
        bufs.push(buf);
        st.e = 0;
      }
      for (; !st.l; ) {
        var blk = rzb(dat, st, buf);
        if (!blk)
          err(5);
        if (buf)
          st.e = st.y;
        else {
          bufs.push(blk);
          ol += blk.length;
          cpw(st.w, 0, blk.length);
          st.w.set(blk, st.w.length - blk.length);
        }
      }
      bt = st.b + st.c * 4;
    } else
      bt = st;
    dat = dat.subarray(bt);
  }
  return cct(bufs, ol);
}
var Decompress = /* @__PURE__ */ (function() {
  function Decompress2(ondata) {
    this.ondata = ondata;
    this.c = [];
    this.l = 0;
    this.z = 0;
  }
  Decompress2.prototype.push = function(chunk, final) {
    if (typeof this.s == "number") {
      var sub = Math.min(chunk.length, this.s);
      chunk = chunk.subarray(sub);
      this.s -= sub;
    }
    var sl = chunk.length;
    var ncs = sl + this.l;
    if (!this.s) {
      if (final) {
        if (!ncs) {
          this.ondata(new u8(0), true);
          return;
        }
        if (ncs < 5)
          err(5);
      } else if (ncs < 18) {
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (typeof (this.s = rzfh(chunk)) == "number")
        return this.push(chunk, final);
    }
    if (typeof this.s != "number") {
      if (ncs < (this.z || 3)) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      }
      if (this.l) {
        this.c.push(chunk);
        chunk = cct(this.c, ncs);
        this.c = [];
        this.l = 0;
      }
      if (!this.z && ncs < (this.z = chunk[this.s.b] & 2 ? 4 : 3 + (chunk[this.s.b] >> 3 | chunk[this.s.b + 1] << 5 | chunk[this.s.b + 2] << 13))) {
        if (final)
          err(5);
        this.c.push(chunk);
        this.l = ncs;
        return;
      } else
        this.z = 0;
      for (; ; ) {
        var blk = rzb(chunk, this.s);
        if (!blk) {
          if (final)
            err(5);
          var adc = chunk.subarray(this.s.b);
          this.s.b = 0;
          this.c.push(adc), this.l += adc.length;
          return;
        } else {
          this.ondata(blk, false);
          cpw(this.s.w, 0, blk.length);
          this.s.w.set(blk, this.s.w.length - blk.length);
        }
        if (this.s.l) {
          var rest = chunk.subarray(this.s.b);
          this.s = this.s.c * 4;
          this.push(rest, final);
          return;
        }
      }
    } else if (final)
      err(5);
  };
  return Decompress2;
})();

// shared/decode/otlp-proto.ts
var import_light = __toESM(require_light(), 1);

// shared/proto/otlp.json
var otlp_default = {
  nested: {
    opentelemetry: {
      nested: {
        proto: {
          nested: {
            collector: {
              nested: {
                trace: {
                  nested: {
                    v1: {
                      options: {
                        java_multiple_files: true,
                        java_package: "io.opentelemetry.proto.collector.trace.v1",
                        java_outer_classname: "TraceServiceProto",
                        go_package: "github.com/open-telemetry/opentelemetry-proto/gen/go/collector/traces/v1"
                      },
                      nested: {
                        TraceService: {
                          methods: {
                            Export: {
                              requestType: "ExportTraceServiceRequest",
                              responseType: "ExportTraceServiceResponse"
                            }
                          }
                        },
                        ExportTraceServiceRequest: {
                          fields: {
                            resourceSpans: {
                              rule: "repeated",
                              type: "opentelemetry.proto.trace.v1.ResourceSpans",
                              id: 1,
                              protoName: "resource_spans"
                            }
                          }
                        },
                        ExportTraceServiceResponse: {
                          fields: {}
                        }
                      }
                    }
                  }
                },
                logs: {
                  nested: {
                    v1: {
                      options: {
                        csharp_namespace: "OpenTelemetry.Proto.Collector.Logs.V1",
                        java_multiple_files: true,
                        java_package: "io.opentelemetry.proto.collector.logs.v1",
                        java_outer_classname: "LogsServiceProto",
                        go_package: "go.opentelemetry.io/proto/otlp/collector/v2/logs/v1"
                      },
                      nested: {
                        LogsService: {
                          methods: {
                            Export: {
                              requestType: "ExportLogsServiceRequest",
                              responseType: "ExportLogsServiceResponse"
                            }
                          }
                        },
                        ExportLogsServiceRequest: {
                          fields: {
                            resourceLogs: {
                              rule: "repeated",
                              type: "opentelemetry.proto.logs.v1.ResourceLogs",
                              id: 1,
                              protoName: "resource_logs"
                            }
                          }
                        },
                        ExportLogsServiceResponse: {
                          fields: {
                            partialSuccess: {
                              type: "ExportLogsPartialSuccess",
                              id: 1,
                              protoName: "partial_success"
                            }
                          }
                        },
                        ExportLogsPartialSuccess: {
                          fields: {
                            rejectedLogRecords: {
                              type: "int64",
                              id: 1,
                              protoName: "rejected_log_records"
                            },
                            errorMessage: {
                              type: "string",
                              id: 2,
                              protoName: "error_message"
                            }
                          }
                        }
                      }
                    }
                  }
                }
              }
            },
            trace: {
              nested: {
                v1: {
                  options: {
                    csharp_namespace: "OpenTelemetry.Proto.Trace.V1",
                    java_multiple_files: true,
                    java_package: "io.opentelemetry.proto.trace.v1",
                    java_outer_classname: "TraceProto",
                    go_package: "go.opentelemetry.io/proto/otlp/trace/v1"
                  },
                  nested: {
                    TracesData: {
                      fields: {
                        resourceSpans: {
                          rule: "repeated",
                          type: "ResourceSpans",
                          id: 1,
                          protoName: "resource_spans"
                        }
                      }
                    },
                    ResourceSpans: {
                      fields: {
                        resource: {
                          type: "opentelemetry.proto.resource.v1.Resource",
                          id: 1
                        },
                        scopeSpans: {
                          rule: "repeated",
                          type: "ScopeSpans",
                          id: 2,
                          protoName: "scope_spans"
                        },
                        schemaUrl: {
                          type: "string",
                          id: 3,
                          protoName: "schema_url"
                        }
                      },
                      reserved: [
                        [
                          1e3,
                          1e3
                        ]
                      ]
                    },
                    ScopeSpans: {
                      fields: {
                        scope: {
                          type: "opentelemetry.proto.common.v1.InstrumentationScope",
                          id: 1
                        },
                        spans: {
                          rule: "repeated",
                          type: "Span",
                          id: 2
                        },
                        schemaUrl: {
                          type: "string",
                          id: 3,
                          protoName: "schema_url"
                        }
                      }
                    },
                    Span: {
                      fields: {
                        traceId: {
                          type: "bytes",
                          id: 1,
                          protoName: "trace_id"
                        },
                        spanId: {
                          type: "bytes",
                          id: 2,
                          protoName: "span_id"
                        },
                        traceState: {
                          type: "string",
                          id: 3,
                          protoName: "trace_state"
                        },
                        parentSpanId: {
                          type: "bytes",
                          id: 4,
                          protoName: "parent_span_id"
                        },
                        flags: {
                          type: "fixed32",
                          id: 16
                        },
                        name: {
                          type: "string",
                          id: 5
                        },
                        kind: {
                          type: "SpanKind",
                          id: 6
                        },
                        startTimeUnixNano: {
                          type: "fixed64",
                          id: 7,
                          protoName: "start_time_unix_nano"
                        },
                        endTimeUnixNano: {
                          type: "fixed64",
                          id: 8,
                          protoName: "end_time_unix_nano"
                        },
                        attributes: {
                          rule: "repeated",
                          type: "opentelemetry.proto.common.v1.KeyValue",
                          id: 9
                        },
                        droppedAttributesCount: {
                          type: "uint32",
                          id: 10,
                          protoName: "dropped_attributes_count"
                        },
                        events: {
                          rule: "repeated",
                          type: "Event",
                          id: 11
                        },
                        droppedEventsCount: {
                          type: "uint32",
                          id: 12,
                          protoName: "dropped_events_count"
                        },
                        links: {
                          rule: "repeated",
                          type: "Link",
                          id: 13
                        },
                        droppedLinksCount: {
                          type: "uint32",
                          id: 14,
                          protoName: "dropped_links_count"
                        },
                        status: {
                          type: "Status",
                          id: 15
                        }
                      },
                      nested: {
                        SpanKind: {
                          values: {
                            SPAN_KIND_UNSPECIFIED: 0,
                            SPAN_KIND_INTERNAL: 1,
                            SPAN_KIND_SERVER: 2,
                            SPAN_KIND_CLIENT: 3,
                            SPAN_KIND_PRODUCER: 4,
                            SPAN_KIND_CONSUMER: 5
                          }
                        },
                        Event: {
                          fields: {
                            timeUnixNano: {
                              type: "fixed64",
                              id: 1,
                              protoName: "time_unix_nano"
                            },
                            name: {
                              type: "string",
                              id: 2
                            },
                            attributes: {
                              rule: "repeated",
                              type: "opentelemetry.proto.common.v1.KeyValue",
                              id: 3
                            },
                            droppedAttributesCount: {
                              type: "uint32",
                              id: 4,
                              protoName: "dropped_attributes_count"
                            }
                          }
                        },
                        Link: {
                          fields: {
                            traceId: {
                              type: "bytes",
                              id: 1,
                              protoName: "trace_id"
                            },
                            spanId: {
                              type: "bytes",
                              id: 2,
                              protoName: "span_id"
                            },
                            traceState: {
                              type: "string",
                              id: 3,
                              protoName: "trace_state"
                            },
                            attributes: {
                              rule: "repeated",
                              type: "opentelemetry.proto.common.v1.KeyValue",
                              id: 4
                            },
                            droppedAttributesCount: {
                              type: "uint32",
                              id: 5,
                              protoName: "dropped_attributes_count"
                            },
                            flags: {
                              type: "fixed32",
                              id: 6
                            }
                          }
                        }
                      }
                    },
                    Status: {
                      fields: {
                        message: {
                          type: "string",
                          id: 2
                        },
                        code: {
                          type: "StatusCode",
                          id: 3
                        }
                      },
                      reserved: [
                        [
                          1,
                          1
                        ]
                      ],
                      nested: {
                        StatusCode: {
                          values: {
                            STATUS_CODE_UNSET: 0,
                            STATUS_CODE_OK: 1,
                            STATUS_CODE_ERROR: 2
                          }
                        }
                      }
                    },
                    SpanFlags: {
                      values: {
                        SPAN_FLAGS_DO_NOT_USE: 0,
                        SPAN_FLAGS_TRACE_FLAGS_MASK: 255
                      }
                    }
                  }
                }
              }
            },
            common: {
              nested: {
                v1: {
                  options: {
                    csharp_namespace: "OpenTelemetry.Proto.Common.V1",
                    java_multiple_files: true,
                    java_package: "io.opentelemetry.proto.common.v1",
                    java_outer_classname: "CommonProto",
                    go_package: "go.opentelemetry.io/proto/otlp/common/v1"
                  },
                  nested: {
                    AnyValue: {
                      oneofs: {
                        value: {
                          oneof: [
                            "stringValue",
                            "boolValue",
                            "intValue",
                            "doubleValue",
                            "arrayValue",
                            "kvlistValue",
                            "bytesValue"
                          ]
                        }
                      },
                      fields: {
                        stringValue: {
                          type: "string",
                          id: 1,
                          protoName: "string_value"
                        },
                        boolValue: {
                          type: "bool",
                          id: 2,
                          protoName: "bool_value"
                        },
                        intValue: {
                          type: "int64",
                          id: 3,
                          protoName: "int_value"
                        },
                        doubleValue: {
                          type: "double",
                          id: 4,
                          protoName: "double_value"
                        },
                        arrayValue: {
                          type: "ArrayValue",
                          id: 5,
                          protoName: "array_value"
                        },
                        kvlistValue: {
                          type: "KeyValueList",
                          id: 6,
                          protoName: "kvlist_value"
                        },
                        bytesValue: {
                          type: "bytes",
                          id: 7,
                          protoName: "bytes_value"
                        }
                      }
                    },
                    ArrayValue: {
                      fields: {
                        values: {
                          rule: "repeated",
                          type: "AnyValue",
                          id: 1
                        }
                      }
                    },
                    KeyValueList: {
                      fields: {
                        values: {
                          rule: "repeated",
                          type: "KeyValue",
                          id: 1
                        }
                      }
                    },
                    KeyValue: {
                      fields: {
                        key: {
                          type: "string",
                          id: 1
                        },
                        value: {
                          type: "AnyValue",
                          id: 2
                        }
                      }
                    },
                    InstrumentationScope: {
                      fields: {
                        name: {
                          type: "string",
                          id: 1
                        },
                        version: {
                          type: "string",
                          id: 2
                        },
                        attributes: {
                          rule: "repeated",
                          type: "KeyValue",
                          id: 3
                        },
                        droppedAttributesCount: {
                          type: "uint32",
                          id: 4,
                          protoName: "dropped_attributes_count"
                        }
                      }
                    },
                    EntityRef: {
                      fields: {
                        schemaUrl: {
                          type: "string",
                          id: 1,
                          protoName: "schema_url"
                        },
                        type: {
                          type: "string",
                          id: 2
                        },
                        idKeys: {
                          rule: "repeated",
                          type: "string",
                          id: 3,
                          protoName: "id_keys"
                        },
                        descriptionKeys: {
                          rule: "repeated",
                          type: "string",
                          id: 4,
                          protoName: "description_keys"
                        }
                      }
                    }
                  }
                }
              }
            },
            resource: {
              nested: {
                v1: {
                  options: {
                    csharp_namespace: "OpenTelemetry.Proto.Resource.V1",
                    java_multiple_files: true,
                    java_package: "io.opentelemetry.proto.resource.v1",
                    java_outer_classname: "ResourceProto",
                    go_package: "go.opentelemetry.io/proto/otlp/resource/v1"
                  },
                  nested: {
                    Resource: {
                      fields: {
                        attributes: {
                          rule: "repeated",
                          type: "opentelemetry.proto.common.v1.KeyValue",
                          id: 1
                        },
                        droppedAttributesCount: {
                          type: "uint32",
                          id: 2,
                          protoName: "dropped_attributes_count"
                        },
                        entityRefs: {
                          rule: "repeated",
                          type: "opentelemetry.proto.common.v1.EntityRef",
                          id: 3,
                          protoName: "entity_refs"
                        }
                      }
                    }
                  }
                }
              }
            },
            logs: {
              nested: {
                v1: {
                  options: {
                    csharp_namespace: "OpenTelemetry.Proto.Logs.V1",
                    java_multiple_files: true,
                    java_package: "io.opentelemetry.proto.logs.v1",
                    java_outer_classname: "LogsProto",
                    go_package: "go.opentelemetry.io/proto/otlp/logs/v1"
                  },
                  nested: {
                    LogsData: {
                      fields: {
                        resourceLogs: {
                          rule: "repeated",
                          type: "ResourceLogs",
                          id: 1,
                          protoName: "resource_logs"
                        }
                      }
                    },
                    ResourceLogs: {
                      fields: {
                        resource: {
                          type: "opentelemetry.proto.resource.v1.Resource",
                          id: 1
                        },
                        scopeLogs: {
                          rule: "repeated",
                          type: "ScopeLogs",
                          id: 2,
                          protoName: "scope_logs"
                        },
                        schemaUrl: {
                          type: "string",
                          id: 3,
                          protoName: "schema_url"
                        }
                      },
                      reserved: [
                        [
                          1e3,
                          1e3
                        ]
                      ]
                    },
                    ScopeLogs: {
                      fields: {
                        scope: {
                          type: "opentelemetry.proto.common.v1.InstrumentationScope",
                          id: 1
                        },
                        logRecords: {
                          rule: "repeated",
                          type: "LogRecord",
                          id: 2,
                          protoName: "log_records"
                        },
                        schemaUrl: {
                          type: "string",
                          id: 3,
                          protoName: "schema_url"
                        }
                      }
                    },
                    SeverityNumber: {
                      values: {
                        SEVERITY_NUMBER_UNSPECIFIED: 0,
                        SEVERITY_NUMBER_TRACE: 1,
                        SEVERITY_NUMBER_TRACE2: 2,
                        SEVERITY_NUMBER_TRACE3: 3,
                        SEVERITY_NUMBER_TRACE4: 4,
                        SEVERITY_NUMBER_DEBUG: 5,
                        SEVERITY_NUMBER_DEBUG2: 6,
                        SEVERITY_NUMBER_DEBUG3: 7,
                        SEVERITY_NUMBER_DEBUG4: 8,
                        SEVERITY_NUMBER_INFO: 9,
                        SEVERITY_NUMBER_INFO2: 10,
                        SEVERITY_NUMBER_INFO3: 11,
                        SEVERITY_NUMBER_INFO4: 12,
                        SEVERITY_NUMBER_WARN: 13,
                        SEVERITY_NUMBER_WARN2: 14,
                        SEVERITY_NUMBER_WARN3: 15,
                        SEVERITY_NUMBER_WARN4: 16,
                        SEVERITY_NUMBER_ERROR: 17,
                        SEVERITY_NUMBER_ERROR2: 18,
                        SEVERITY_NUMBER_ERROR3: 19,
                        SEVERITY_NUMBER_ERROR4: 20,
                        SEVERITY_NUMBER_FATAL: 21,
                        SEVERITY_NUMBER_FATAL2: 22,
                        SEVERITY_NUMBER_FATAL3: 23,
                        SEVERITY_NUMBER_FATAL4: 24
                      }
                    },
                    LogRecordFlags: {
                      values: {
                        LOG_RECORD_FLAGS_DO_NOT_USE: 0,
                        LOG_RECORD_FLAGS_TRACE_FLAGS_MASK: 255
                      }
                    },
                    LogRecord: {
                      fields: {
                        timeUnixNano: {
                          type: "fixed64",
                          id: 1,
                          protoName: "time_unix_nano"
                        },
                        observedTimeUnixNano: {
                          type: "fixed64",
                          id: 11,
                          protoName: "observed_time_unix_nano"
                        },
                        severityNumber: {
                          type: "SeverityNumber",
                          id: 2,
                          protoName: "severity_number"
                        },
                        severityText: {
                          type: "string",
                          id: 3,
                          protoName: "severity_text"
                        },
                        body: {
                          type: "opentelemetry.proto.common.v1.AnyValue",
                          id: 5
                        },
                        attributes: {
                          rule: "repeated",
                          type: "opentelemetry.proto.common.v1.KeyValue",
                          id: 6
                        },
                        droppedAttributesCount: {
                          type: "uint32",
                          id: 7,
                          protoName: "dropped_attributes_count"
                        },
                        flags: {
                          type: "fixed32",
                          id: 8
                        },
                        traceId: {
                          type: "bytes",
                          id: 9,
                          protoName: "trace_id"
                        },
                        spanId: {
                          type: "bytes",
                          id: 10,
                          protoName: "span_id"
                        },
                        eventName: {
                          type: "string",
                          id: 12,
                          protoName: "event_name"
                        }
                      },
                      reserved: [
                        [
                          4,
                          4
                        ]
                      ]
                    }
                  }
                }
              }
            }
          }
        }
      }
    }
  }
};

// shared/decode/otlp-proto.ts
var root = import_light.default.Root.fromJSON(otlp_default);
var ResourceSpans = root.lookupType("opentelemetry.proto.trace.v1.ResourceSpans");
var ResourceLogs = root.lookupType("opentelemetry.proto.logs.v1.ResourceLogs");
var TO_OBJECT = { longs: String, enums: Number, bytes: String };
function firstField(bytes, field, from = 0) {
  const r = import_light.default.Reader.create(bytes);
  r.pos = from;
  while (r.pos < r.len) {
    const tag = r.uint32();
    if (tag >>> 3 === field && (tag & 7) === 2) {
      const value = r.bytes();
      return { value, next: r.pos };
    }
    r.skipType(tag & 7);
  }
  return null;
}
function recordKind(element) {
  try {
    let scope = firstField(element, 2);
    while (scope !== null) {
      const record = firstField(scope.value, 2);
      if (record !== null && record.value.length > 0) return record.value[0] === 10 ? "spans" : "logs";
      scope = firstField(element, 2, scope.next);
    }
  } catch {
    return null;
  }
  return null;
}
function decodeResourceElement(c, element, kind, where) {
  const type = kind === "spans" ? ResourceSpans : ResourceLogs;
  let plain;
  try {
    plain = type.toObject(type.decode(element), TO_OBJECT);
  } catch (e) {
    c.skip(where, `invalid protobuf ${type.name}: ${e instanceof Error ? e.message : String(e)}`);
    return;
  }
  if (kind === "spans") convertResourceSpans(c, plain, where);
  else convertResourceLogs(c, plain, where);
}
function decodeRequestMessage(c, message2, offset) {
  const elements = [];
  try {
    let next = 0;
    for (; ; ) {
      const f2 = firstField(message2, 1, next);
      if (f2 === null) break;
      elements.push(f2.value);
      next = f2.next;
    }
  } catch {
    return false;
  }
  let kind = null;
  for (const e of elements) {
    kind = recordKind(e);
    if (kind !== null) break;
  }
  if (kind === null) return true;
  for (const e of elements) decodeResourceElement(c, e, kind, `byte ${offset}`);
  return true;
}

// shared/decode/proto-split.ts
var ProtoSplitter = class {
  constructor(fileName, mode, maxBytes) {
    this.fileName = fileName;
    this.mode = mode;
    this.maxBytes = maxBytes;
  }
  fileName;
  mode;
  maxBytes;
  header = [];
  need = -1;
  field = 0;
  pieces = [];
  got = 0;
  unitOffset = 0;
  base = 0;
  /** Parses the collected header bytes; returns false when more are needed. */
  parseHeader() {
    const h = this.header;
    const at = this.unitOffset;
    if (this.mode === "delimited") {
      if (h.length < 4) return false;
      this.need = (h[0] << 24 >>> 0) + (h[1] << 16) + (h[2] << 8) + h[3];
      this.field = 0;
    } else {
      let pos = 0;
      const varint2 = () => {
        let value = 0;
        let mul = 1;
        for (let k = 0; k < 10; k++) {
          if (pos >= h.length) return null;
          const b = h[pos++];
          value += (b & 127) * mul;
          if ((b & 128) === 0) return value;
          mul *= 128;
        }
        throw new DecodeError(this.fileName, `byte ${at}`, "malformed varint in the protobuf message");
      };
      const tag = varint2();
      if (tag === null) return false;
      const wireType = tag % 8;
      if (wireType !== 2) {
        throw new DecodeError(this.fileName, `byte ${at}`, `not an OTLP export request: top-level field ${Math.floor(tag / 8)} has wire type ${wireType}`);
      }
      const len = varint2();
      if (len === null) return false;
      this.field = Math.floor(tag / 8);
      this.need = len;
    }
    if (this.need > this.maxBytes) {
      throw new DecodeError(this.fileName, `byte ${at}`, `a protobuf message of ${this.need} bytes is larger than the ${Math.round(this.maxBytes / 1048576)} MiB limit`);
    }
    return true;
  }
  finish(last, out) {
    let bytes = last;
    if (this.pieces.length > 0) {
      bytes = new Uint8Array(this.need);
      let o = 0;
      for (const p of this.pieces) {
        bytes.set(p, o);
        o += p.length;
      }
      bytes.set(last, o);
      this.pieces = [];
    }
    out.push({ offset: this.unitOffset, field: this.field, bytes });
    this.header = [];
    this.need = -1;
    this.got = 0;
  }
  push(chunk, out) {
    let i = 0;
    const n = chunk.length;
    while (i < n) {
      if (this.need < 0) {
        if (this.header.length === 0) this.unitOffset = this.base + i;
        this.header.push(chunk[i++]);
        if (!this.parseHeader()) continue;
        if (this.need === 0) this.finish(new Uint8Array(0), out);
        continue;
      }
      const want = this.need - this.got;
      const take = Math.min(want, n - i);
      const part = chunk.subarray(i, i + take);
      i += take;
      if (take === want) this.finish(part, out);
      else {
        this.pieces.push(part);
        this.got += take;
      }
    }
    this.base += n;
  }
  /** Where the input ended inside a message, or null when it ended cleanly between messages. */
  end() {
    if (this.need < 0 && this.header.length === 0) return null;
    return `byte ${this.unitOffset}`;
  }
};

// shared/decode/proto-input.ts
function isZstd(b) {
  return b.length >= 4 && b[0] === 40 && b[1] === 181 && b[2] === 47 && b[3] === 253;
}
function firstNonSpace(b) {
  for (let i = 0; i < b.length; i++) {
    const x = b[i];
    if (x !== 32 && x !== 10 && x !== 13 && x !== 9) return x;
  }
  return -1;
}
function decodeFrame(ctx, unit) {
  const where = `byte ${unit.offset}`;
  let bytes = unit.bytes;
  if (isZstd(bytes)) {
    try {
      bytes = decompress(bytes);
    } catch (e) {
      ctx.c.skip(where, `the message's zstd data is corrupt: ${errorText(e)}`);
      return;
    }
  }
  const first = firstNonSpace(bytes);
  if (first === 123) {
    let doc;
    try {
      doc = JSON.parse(utf8Decoder().decode(bytes));
    } catch (e) {
      ctx.c.skip(where, `invalid JSON message: ${errorText(e)}`);
      return;
    }
    if (!convertRequest(ctx.c, doc, `${where} $`)) ctx.c.skip(where, "the message holds neither resourceSpans nor resourceLogs");
    return;
  }
  if (!decodeRequestMessage(ctx.c, bytes, unit.offset)) ctx.c.skip(where, "not a protobuf export request");
}
async function* decodeProtobuf(ctx, source, delimited) {
  const { c } = ctx;
  c.format = delimited ? "otlp-protobuf-delimited" : "otlp-protobuf";
  const splitter = new ProtoSplitter(ctx.fileName, delimited ? "delimited" : "fields", ctx.maxElementBytes);
  const units = [];
  let kind = null;
  for await (const chunk of source) {
    checkAborted(ctx);
    ctx.bytesRead += chunk.length;
    splitter.push(chunk, units);
    for (let k = 0; k < units.length; k++) {
      const unit = units[k];
      if (delimited) decodeFrame(ctx, unit);
      else if (unit.field === 1) {
        kind ??= recordKind(unit.bytes);
        if (kind !== null) decodeResourceElement(c, unit.bytes, kind, `byte ${unit.offset}`);
      }
      if (batchFull(ctx)) yield takeBatch(ctx);
    }
    units.length = 0;
  }
  const cut = splitter.end();
  if (cut) c.skip(cut, "the protobuf data ends inside a message (truncated file?)");
}

// shared/decode/source.ts
var Peekable = class {
  iterator;
  buffered = [];
  ended = false;
  /** bytes handed out by iteration so far */
  consumed = 0;
  constructor(source) {
    this.iterator = source[Symbol.asyncIterator]();
  }
  /** At least `n` bytes from the start (fewer only when the stream is shorter), without consuming them. */
  async peek(n) {
    let have = this.buffered.reduce((sum, c) => sum + c.length, 0);
    while (have < n && !this.ended) {
      const r = await this.iterator.next();
      if (r.done) this.ended = true;
      else if (r.value.length > 0) {
        this.buffered.push(r.value);
        have += r.value.length;
      }
    }
    if (this.buffered.length === 1) return this.buffered[0];
    const out = new Uint8Array(have);
    let o = 0;
    for (const c of this.buffered) {
      out.set(c, o);
      o += c.length;
    }
    if (this.buffered.length > 1) this.buffered = [out];
    return out;
  }
  async *[Symbol.asyncIterator]() {
    while (this.buffered.length > 0) {
      const c = this.buffered.shift();
      this.consumed += c.length;
      yield c;
    }
    while (!this.ended) {
      const r = await this.iterator.next();
      if (r.done) break;
      if (r.value.length === 0) continue;
      this.consumed += r.value.length;
      yield r.value;
    }
  }
};
function sniffCompression(head) {
  if (head.length >= 2 && head[0] === 31 && head[1] === 139) return "gzip";
  if (head.length >= 4 && head[0] === 40 && head[1] === 181 && head[2] === 47 && head[3] === 253) return "zstd";
  return "none";
}
function message(e) {
  return e instanceof Error ? e.message : String(e);
}
async function* decompress2(source, compression, fileName, onProblem) {
  if (compression === "none") {
    yield* source;
    return;
  }
  let produced = 0;
  const problem = (e) => {
    const reason = `the ${compression} data is corrupt or truncated (${message(e)}); only the part before it was read`;
    if (produced === 0) throw new DecodeError(fileName, `byte ${source.consumed}`, `the ${compression} data is corrupt or truncated: ${message(e)}`);
    onProblem(`byte ${source.consumed} (compressed)`, reason);
  };
  if (compression === "zstd") {
    const out = [];
    const z = new Decompress((data) => {
      if (data.length > 0) out.push(data.slice());
    });
    try {
      for await (const chunk of source) {
        z.push(chunk);
        while (out.length > 0) {
          const c = out.shift();
          produced += c.length;
          yield c;
        }
      }
      z.push(new Uint8Array(0), true);
    } catch (e) {
      if (e instanceof DecodeError) throw e;
      while (out.length > 0) {
        const c = out.shift();
        produced += c.length;
        yield c;
      }
      problem(e);
      return;
    }
    for (const c of out) yield c;
    return;
  }
  const ds = decompressionStream("gzip");
  const writer = ds.writable.getWriter();
  const reader = ds.readable.getReader();
  let sourceError;
  const pump = (async () => {
    const it = source[Symbol.asyncIterator]();
    for (; ; ) {
      let r;
      try {
        r = await it.next();
      } catch (e) {
        sourceError = e;
        await writer.abort(e).catch(() => void 0);
        return;
      }
      if (r.done) break;
      try {
        await writer.write(r.value);
      } catch {
        return;
      }
    }
    await writer.close().catch(() => void 0);
  })();
  try {
    for (; ; ) {
      let r;
      try {
        r = await reader.read();
      } catch (e) {
        if (sourceError !== void 0) throw sourceError;
        problem(e);
        return;
      }
      if (r.done) break;
      if (r.value && r.value.length > 0) {
        produced += r.value.length;
        yield r.value;
      }
    }
    await pump;
    if (sourceError !== void 0) throw sourceError;
  } finally {
    reader.cancel().catch(() => void 0);
  }
}

// shared/decode/index.ts
var DEFAULT_BATCH = 5e3;
var DEFAULT_MAX_ELEMENT = 256 * 1024 * 1024;
var FIRST_LINE_LIMIT = 16 * 1024 * 1024;
function describeStart(head) {
  return Array.from(head.subarray(0, 8), (b) => b.toString(16).padStart(2, "0")).join(" ");
}
function sniffLayout(head, fileName) {
  let start = 0;
  if (head.length >= 3 && head[0] === 239 && head[1] === 187 && head[2] === 191) start = 3;
  let binary = false;
  let first = -1;
  const end = Math.min(head.length, start + 512);
  for (let i = start; i < end; i++) {
    const b = head[i];
    if (b < 32 && b !== 9 && b !== 10 && b !== 13) {
      binary = true;
      break;
    }
    if (first === -1 && b !== 32 && b !== 9 && b !== 10 && b !== 13) first = b;
  }
  if (!binary) {
    if (first === 123 || first === 91) return "json";
    if (first === -1) throw new DecodeError(fileName, "", "the file is empty");
    throw new DecodeError(fileName, "byte 0", `not a trace file this viewer reads: it is text that does not start with a JSON object or array (starts with ${JSON.stringify(String.fromCharCode(first))})`);
  }
  if (head.length >= 5 && head[0] === 0 && (head[4] === 10 || head[4] === 40)) return "protobuf-delimited";
  if (head[0] === 10) return "protobuf";
  throw new DecodeError(fileName, "byte 0", `not a trace file this viewer reads (first bytes ${describeStart(head)}): expected JSON, OTLP protobuf, gzip or zstd`);
}
async function* decodeStream(chunks, opts) {
  const fileName = opts.fileName;
  const c = new Collector();
  const raw = new Peekable(chunks);
  const compression = sniffCompression(await raw.peek(4));
  const plain = new Peekable(decompress2(raw, compression, fileName, (where, reason) => c.skip(where, reason)));
  const ctx = {
    c,
    fileName,
    batchSpans: Math.max(1, opts.batchSpans ?? DEFAULT_BATCH),
    maxElementBytes: opts.maxElementBytes ?? DEFAULT_MAX_ELEMENT,
    signal: opts.signal,
    raw,
    bytesRead: 0
  };
  let head = await plain.peek(512);
  if (head.length === 0) throw new DecodeError(fileName, "", "the file is empty");
  const layout = sniffLayout(head, fileName);
  if (layout === "json") {
    let want = 64 * 1024;
    let shape = jsonLayout(head, head.length < 512);
    while (shape === "more") {
      head = await plain.peek(want);
      const ended = head.length < want;
      shape = ended || head.length >= FIRST_LINE_LIMIT ? jsonLayout(head, true) : jsonLayout(head, false);
      want *= 4;
    }
    yield* shape === "lines" ? decodeJsonLines(ctx, plain) : decodeJsonDocument(ctx, plain);
  } else {
    yield* decodeProtobuf(ctx, plain, layout === "protobuf-delimited");
  }
  if (!c.hasAnything) {
    const first = c.firstSkipped;
    if (first) {
      const more = c.totalSkipped > 1 ? ` and ${c.totalSkipped - 1} more problem${c.totalSkipped > 2 ? "s" : ""}` : "";
      throw new DecodeError(fileName, first.where, `no spans or logs found: ${first.reason}${more}`);
    }
    const hint = c.format === void 0 && layout === "json" ? " (the JSON has no resourceSpans, resourceLogs, batches, data or payload members)" : "";
    throw new DecodeError(fileName, "", `no spans or logs found${hint}`);
  }
  const last = takeBatch(ctx);
  if (last.traces.length + last.logs.length + last.payloads.length + last.skipped.length > 0 || last.sessionOf) yield last;
}
var DecodedAccumulator = class {
  traces = /* @__PURE__ */ new Map();
  logs = [];
  payloads = [];
  skipped = [];
  sessionOf = {};
  format;
  add(batch) {
    for (const t of batch.traces) {
      const prev = this.traces.get(t.traceId);
      this.traces.set(t.traceId, prev ? mergeTraceSpans(prev, t) : t);
    }
    for (const l of batch.logs) this.logs.push(l);
    for (const p of batch.payloads) this.payloads.push(p);
    for (const s of batch.skipped) this.skipped.push(s);
    if (batch.sessionOf) Object.assign(this.sessionOf, batch.sessionOf);
    this.format ??= batch.format;
  }
  result() {
    return {
      traces: [...this.traces.values()],
      logs: this.logs,
      payloads: this.payloads,
      skipped: this.skipped,
      sessionOf: this.sessionOf,
      format: this.format
    };
  }
};
async function decodeAll(bytes, opts) {
  async function* one() {
    yield bytes;
  }
  return decodeChunks(one(), opts);
}
async function decodeChunks(chunks, opts) {
  const acc = new DecodedAccumulator();
  for await (const batch of decodeStream(chunks, opts)) acc.add(batch);
  return acc.result();
}

// electron/services/receiver/decode-body.ts
async function decodeBody(bytes, kind, encoding) {
  if (bytes.length === 0) return { traces: [], logs: [], skipped: [] };
  const fileName = `POST /v1/${kind} (${encoding === "protobuf" ? "application/x-protobuf" : "application/json"})`;
  const { traces, logs, skipped } = await decodeAll(bytes, { fileName });
  return { traces, logs, skipped };
}

// shared/expr/ast.ts
function baseField(lhs) {
  let node = lhs;
  while (node.kind === "transform") node = node.arg;
  return node;
}
function transformsOf(lhs) {
  const out = [];
  let node = lhs;
  while (node.kind === "transform") {
    out.push(node.fn);
    node = node.arg;
  }
  return out;
}

// shared/expr/errors.ts
function errorAt(start, end, message2, fix) {
  const err2 = { column: start + 1, endColumn: Math.max(end, start + 1) + 1, message: message2 };
  if (fix) err2.fix = { column: fix.start + 1, endColumn: fix.end + 1, replacement: fix.replacement, label: fix.label };
  return err2;
}
function formatError(err2) {
  return `column ${err2.column}: ${err2.message}`;
}

// shared/expr/fields.ts
var f = (name, type, description, aliases = [], attributeKeys) => attributeKeys ? { name, type, description, aliases, attributeKeys } : { name, type, description, aliases };
var thirdParty = /^proxy\.kong\.latency\.3p\.([a-z0-9_]+)\.total_io$/;
var fieldCatalogue = [
  f("http.request.method", "string", "HTTP method of the request (GET, POST, ...)", ["http.method"]),
  f("url.full", "string", "full request URL, without the query string"),
  f("url.scheme", "string", "URL scheme: http or https"),
  f("http.route", "string", "request path as Kong matched it", ["http.path"]),
  f("http.request.header.host", "string", "Host header of the request", ["http.host"]),
  f("network.protocol.name", "string", "protocol name, e.g. http or grpc"),
  f("server.address", "string", "address the gateway received the request on"),
  f("network.peer.name", "string", "host name of the upstream peer"),
  f("proxy.kong.service.id", "string", "id of the Gateway Service that handled the request"),
  f("proxy.kong.route.id", "string", "id of the Route that matched the request"),
  f("proxy.kong.consumer.id", "string", "id of the authenticated Consumer", [], ["proxy.kong.consumer_id"]),
  f("proxy.kong.upstream.id", "string", "id of the Upstream the request was proxied to", [], ["proxy.kong.upstream_id"]),
  f("proxy.kong.target.id", "string", "id of the upstream Target the request was proxied to"),
  f("proxy.kong.upstream.host", "string", "host (and port) of the upstream that served the request"),
  f("http.response.status_code", "int", "HTTP status code sent to the client"),
  f("proxy.kong.upstream.status_code", "int", "HTTP status code the upstream answered with", [], ["proxy.kong.upstream_status_code"]),
  f("http.request.size", "int", "request size in bytes"),
  f("client.port", "int", "port of the client connection", ["net.src.port"]),
  f("server.port", "int", "port the gateway received the request on", ["net.dst.port"]),
  f("network.peer.port", "int", "port of the upstream peer"),
  f("proxy.kong.latency.total", "int", "ms from first byte in to last byte out"),
  f("proxy.kong.latency.internal", "int", "ms of the gateway's own processing"),
  f("proxy.kong.latency.client", "int", "ms spent on client I/O (slow clients)"),
  f("proxy.kong.latency.upstream", "int", "ms spent waiting for and reading from the upstream"),
  f("proxy.kong.latency.upstream.ttfb", "int", "ms until the upstream's first response byte"),
  f("proxy.kong.latency.3p.redis.total_io", "int", "ms of Redis I/O made by plugins"),
  f("proxy.kong.latency.3p.tcpsock.total_io", "int", "ms of raw TCP socket I/O made by plugins"),
  f("proxy.kong.latency.3p.http_client.total_io", "int", "ms of HTTP client I/O made by plugins"),
  f("proxy.kong.latency.3p.dns.total_io", "int", "ms of DNS resolution"),
  f("client.address", "ip", "IP address of the client", ["net.src.ip"]),
  f("network.peer.address", "ip", "IP address of the upstream peer"),
  f("destination.address", "ip", "IP address the request was sent to"),
  f("proxy.kong.upstream.addr", "ip", "IP address of the upstream that served the request")
];
var byName = /* @__PURE__ */ new Map();
for (const info of fieldCatalogue) {
  byName.set(info.name, info);
  for (const alias of info.aliases) byName.set(alias, info);
}
function lookupField(name) {
  const known = byName.get(name);
  if (known) return known;
  const m = thirdParty.exec(name);
  if (m) return f(name, "int", `ms of ${m[1]} I/O made by plugins`);
  return void 0;
}
function suggestField(name) {
  let best;
  let bestDistance = Infinity;
  for (const candidate of byName.keys()) {
    const d = editDistance(name, candidate, bestDistance);
    if (d < bestDistance) {
      bestDistance = d;
      best = candidate;
    }
  }
  const lastSegment = name.slice(name.lastIndexOf(".") + 1);
  if (best !== void 0 && bestDistance <= Math.max(2, Math.floor(name.length * 0.4))) return best;
  if (lastSegment.length >= 4) {
    for (const candidate of byName.keys()) if (candidate.endsWith(`.${lastSegment}`)) return candidate;
  }
  return void 0;
}
function editDistance(a, b, limit = Infinity) {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    let rowMin = i;
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      const v = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      row.push(v);
      if (v < rowMin) rowMin = v;
    }
    if (rowMin >= limit) return limit;
    prev = row;
  }
  return prev[b.length];
}
function typeName(type) {
  return type === "string" ? "a string" : type === "int" ? "an integer" : "an IP address";
}

// shared/expr/ip.ts
function parseIp(text) {
  if (text.includes(":")) {
    const bytes2 = parseIpv6(text);
    return typeof bytes2 === "string" ? { ok: false, reason: `bad IPv6 address ${text}: ${bytes2}` } : { ok: true, value: { version: 6, bytes: bytes2 } };
  }
  const bytes = parseIpv4(text);
  return typeof bytes === "string" ? { ok: false, reason: `bad IPv4 address ${text}: ${bytes}` } : { ok: true, value: { version: 4, bytes } };
}
function parseCidr(text) {
  const slash = text.indexOf("/");
  const addrText = slash === -1 ? text : text.slice(0, slash);
  const addr = parseIp(addrText);
  if (!addr.ok) return addr;
  const max = addr.value.version === 4 ? 32 : 128;
  if (slash === -1) return { ok: true, value: { ...addr.value, prefix: max } };
  const prefixText = text.slice(slash + 1);
  if (!/^[0-9]{1,3}$/.test(prefixText) || Number(prefixText) > max) {
    return { ok: false, reason: `bad CIDR ${text}: the prefix length must be a number from 0 to ${max}` };
  }
  const prefix = Number(prefixText);
  const network = maskBytes(addr.value.bytes, prefix);
  if (!network.every((b, i) => b === addr.value.bytes[i])) {
    const fixed = `${formatIp({ version: addr.value.version, bytes: network })}/${prefix}`;
    return { ok: false, reason: `bad CIDR ${text}: the address has bits set past the /${prefix} prefix; did you mean ${fixed}?`, fix: fixed };
  }
  return { ok: true, value: { ...addr.value, prefix } };
}
function cidrContains(cidr, addr) {
  if (cidr.version !== addr.version) return false;
  const full = cidr.prefix >> 3;
  for (let i = 0; i < full; i++) if (cidr.bytes[i] !== addr.bytes[i]) return false;
  const rest = cidr.prefix & 7;
  if (rest === 0) return true;
  const mask = 255 << 8 - rest & 255;
  return (cidr.bytes[full] & mask) === (addr.bytes[full] & mask);
}
function sameIp(a, b) {
  return a.version === b.version && a.bytes.every((x, i) => x === b.bytes[i]);
}
function maskBytes(bytes, prefix) {
  const out = new Uint8Array(bytes.length);
  for (let i = 0; i < bytes.length; i++) {
    const bits = Math.max(0, Math.min(8, prefix - i * 8));
    out[i] = bytes[i] & (255 << 8 - bits & 255);
  }
  return out;
}
function parseIpv4(text) {
  const parts = text.split(".");
  if (parts.length !== 4) return "an IPv4 address has four numbers separated by dots";
  const bytes = new Uint8Array(4);
  for (let i = 0; i < 4; i++) {
    const part = parts[i];
    if (!/^[0-9]{1,3}$/.test(part)) return part === "" ? "a number is missing" : `${part} is not a number from 0 to 255`;
    if (part.length > 1 && part.startsWith("0")) return `${part} has a leading zero`;
    const n = Number(part);
    if (n > 255) return `${part} is over 255`;
    bytes[i] = n;
  }
  return bytes;
}
function parseIpv6(text) {
  const halves = text.split("::");
  if (halves.length > 2) return ":: may appear only once";
  const groups = [];
  for (const half of halves) {
    const out = [];
    if (half !== "") {
      const parts = half.split(":");
      for (let i = 0; i < parts.length; i++) {
        const part = parts[i];
        if (part.includes(".")) {
          if (i !== parts.length - 1 || half !== halves[halves.length - 1]) return "an IPv4 part may only come last";
          const v4 = parseIpv4(part);
          if (typeof v4 === "string") return v4;
          out.push(v4[0] << 8 | v4[1], v4[2] << 8 | v4[3]);
        } else {
          if (!/^[0-9a-fA-F]{1,4}$/.test(part)) return part === "" ? "an empty group" : `${part} is not a group of 1 to 4 hex digits`;
          out.push(parseInt(part, 16));
        }
      }
    }
    groups.push(out);
  }
  const head = groups[0];
  const tail = groups[1] ?? [];
  const compressed = groups.length === 2;
  const count = head.length + tail.length;
  if (compressed ? count > 7 : count !== 8) return compressed ? "too many groups" : "an IPv6 address has eight groups (or :: for zeros)";
  const all = [...head, ...new Array(8 - count).fill(0), ...tail];
  const bytes = new Uint8Array(16);
  all.forEach((g2, i) => {
    bytes[i * 2] = g2 >> 8;
    bytes[i * 2 + 1] = g2 & 255;
  });
  return bytes;
}
function formatIp(addr) {
  if (addr.version === 4) return Array.from(addr.bytes).join(".");
  const groups = [];
  for (let i = 0; i < 16; i += 2) groups.push(addr.bytes[i] << 8 | addr.bytes[i + 1]);
  let bestStart = -1;
  let bestLen = 1;
  for (let i = 0; i < 8; ) {
    if (groups[i] !== 0) {
      i++;
      continue;
    }
    let j = i;
    while (j < 8 && groups[j] === 0) j++;
    if (j - i > bestLen) {
      bestStart = i;
      bestLen = j - i;
    }
    i = j;
  }
  const hex = groups.map((g2) => g2.toString(16));
  if (bestStart === -1) return hex.join(":");
  return `${hex.slice(0, bestStart).join(":")}::${hex.slice(bestStart + bestLen).join(":")}`;
}

// shared/expr/print.ts
function quote(s) {
  let out = '"';
  for (const c of s) {
    if (c === '"') out += '\\"';
    else if (c === "\\") out += "\\\\";
    else if (c === "\n") out += "\\n";
    else if (c === "\r") out += "\\r";
    else if (c === "	") out += "\\t";
    else out += c;
  }
  return `${out}"`;
}

// shared/expr/regex.ts
function compileRegex(pattern) {
  let body2 = pattern;
  let flags = "";
  const inline = /^\(\?([imsx]+)\)/.exec(body2);
  if (inline) {
    if (inline[1].includes("x")) return { ok: false, reason: "the (?x) flag is not supported" };
    flags = [...new Set(inline[1])].join("");
    body2 = body2.slice(inline[0].length);
  }
  const unsupported = findUnsupported(pattern);
  if (unsupported) return { ok: false, ...unsupported };
  try {
    return { ok: true, regex: new RegExp(body2, `${flags}u`) };
  } catch {
  }
  try {
    return { ok: true, regex: new RegExp(body2, flags) };
  } catch (e) {
    const message2 = e instanceof Error ? e.message.replace(/^Invalid regular expression: \/.*\/[a-z]*: /, "") : String(e);
    return { ok: false, reason: message2 };
  }
}
function findUnsupported(pattern) {
  for (let i = 0; i < pattern.length; i++) {
    const c = pattern[i];
    if (c === "\\") {
      const next = pattern[i + 1] ?? "";
      if (/[1-9]/.test(next) || next === "k" && pattern[i + 2] === "<") {
        return { reason: "back-references are not supported by Kong's regex engine" };
      }
      i++;
    } else if (c === "(" && pattern[i + 1] === "?") {
      const rest = pattern.slice(i + 2, i + 4);
      if (rest.startsWith("=") || rest.startsWith("!") || rest === "<=" || rest === "<!") {
        return { reason: "look-around is not supported by Kong's regex engine" };
      }
    }
  }
  return void 0;
}

// shared/expr/check.ts
function check(expr) {
  const errors = [];
  const stack = [expr];
  while (stack.length > 0) {
    const node = stack.pop();
    if (node.kind === "predicate") checkPredicate(node, errors);
    else if (node.kind === "not") stack.push(node.expr);
    else stack.push(...node.terms);
  }
  return errors.sort((a, b) => a.column - b.column);
}
var STRING_OPS = /* @__PURE__ */ new Set(["~", "^=", "=^", "contains"]);
var INT_OPS = /* @__PURE__ */ new Set([">", ">=", "<", "<="]);
var IP_OPS = /* @__PURE__ */ new Set(["in", "not in"]);
function checkPredicate(p, errors) {
  const ref = baseField(p.lhs);
  const field = lookupField(ref.name);
  if (!field) {
    const guess = suggestField(ref.name);
    errors.push(
      guess ? errorAt(ref.start, ref.end, `unknown field ${ref.name} (did you mean ${guess}?)`, { start: ref.start, end: ref.end, replacement: guess, label: `use ${guess}` }) : errorAt(ref.start, ref.end, `unknown field ${ref.name}`)
    );
    return;
  }
  const type = field.type;
  if (transformsOf(p.lhs).includes("lower") && type !== "string") {
    errors.push(errorAt(p.lhs.start, p.lhs.end, `lower() works on strings; ${ref.name} is ${typeName(type)}`));
    return;
  }
  const wanted = operandType(p.op, type);
  if (wanted === void 0) {
    const needs = STRING_OPS.has(p.op) ? "a string" : INT_OPS.has(p.op) ? "an integer" : "an IP address";
    errors.push(errorAt(p.opRange.start, p.opRange.end, `operator ${p.op} needs ${needs} field; ${ref.name} is ${typeName(type)}`));
    return;
  }
  checkValue(p, ref.name, wanted, errors);
}
function operandType(op, type) {
  if (op === "==" || op === "!=") return type;
  if (STRING_OPS.has(op)) return type === "string" ? "string" : void 0;
  if (INT_OPS.has(op)) return type === "int" ? "int" : void 0;
  if (IP_OPS.has(op)) return type === "ip" ? "ip" : void 0;
  return void 0;
}
function checkValue(p, fieldName, wanted, errors) {
  const v = p.value;
  if (v.kind === "ip") {
    if (wanted === "int" && /^-?[0-9]+\.[0-9]*$/.test(v.text)) {
      errors.push(errorAt(v.start, v.end, `${v.text} is not an integer: ${fieldName} takes whole numbers`));
      return;
    }
    if (wanted === "ip") {
      checkAddress(p, v, errors);
      return;
    }
  }
  if (valueType(v) === wanted) {
    if (p.op === "~" && v.kind === "string") {
      const re = compileRegex(v.value);
      if (!re.ok) errors.push(errorAt(v.start, v.end, `bad regex: ${re.reason}`));
    }
    return;
  }
  errors.push(mismatch(p, fieldName, wanted, v));
}
function checkAddress(p, v, errors) {
  const isBlock = v.text.includes("/");
  if (isBlock && (p.op === "==" || p.op === "!=")) {
    const replacement = p.op === "==" ? "in" : "not in";
    errors.push(
      errorAt(p.opRange.start, p.opRange.end, `${p.op} compares one address; to match the block ${v.text} use ${replacement}`, {
        start: p.opRange.start,
        end: p.opRange.end,
        replacement,
        label: `use ${replacement}`
      })
    );
    return;
  }
  const parsed = isBlock ? parseCidr(v.text) : parseIp(v.text);
  if (parsed.ok) return;
  const fix = "fix" in parsed && parsed.fix ? { start: v.start, end: v.end, replacement: parsed.fix, label: `use ${parsed.fix}` } : void 0;
  errors.push(errorAt(v.start, v.end, parsed.reason, fix));
}
function valueType(v) {
  return v.kind === "string" ? "string" : v.kind === "int" ? "int" : "ip";
}
function mismatch(p, fieldName, wanted, v) {
  const written = v.kind === "string" ? quote(v.value) : v.kind === "int" ? String(v.value) : v.text;
  const message2 = `${p.op} on ${fieldName} needs ${wanted === "ip" ? "an IP address or CIDR" : typeName(wanted)} value; ${written} is ${typeName(valueType(v))}`;
  let replacement;
  if (wanted === "string") replacement = quote(written);
  else if (v.kind === "string" && wanted === "int" && /^-?(0|[1-9][0-9]*)$/.test(v.value)) replacement = v.value;
  else if (v.kind === "string" && wanted === "ip" && (parseIp(v.value).ok || parseCidr(v.value).ok)) replacement = v.value;
  if (replacement === void 0) return errorAt(v.start, v.end, message2);
  const label = wanted === "string" ? `quote it: ${replacement}` : `unquote it: ${replacement}`;
  return errorAt(v.start, v.end, message2, { start: v.start, end: v.end, replacement, label });
}

// shared/expr/evaluate.ts
function toEvaluator(expr) {
  switch (expr.kind) {
    case "predicate":
      return predicateEvaluator(expr);
    case "not": {
      const inner = toEvaluator(expr.expr);
      return (attrs) => !inner(attrs);
    }
    case "and": {
      const terms = expr.terms.map(toEvaluator);
      return (attrs) => terms.every((t) => t(attrs));
    }
    case "or": {
      const terms = expr.terms.map(toEvaluator);
      return (attrs) => terms.some((t) => t(attrs));
    }
  }
}
function predicateEvaluator(p) {
  const field = lookupField(baseField(p.lhs).name);
  if (!field) throw new Error(`unchecked expression: unknown field ${baseField(p.lhs).name}`);
  const transforms = transformsOf(p.lhs);
  const anyOf = transforms.includes("any");
  const lower = transforms.includes("lower");
  const read = attributeReader(field);
  const coerce = coercer(field.type, lower);
  const test = comparator(p.op, field.type, p.value);
  const one = (v) => {
    const c = coerce(v);
    return c !== void 0 && test(c);
  };
  return (attrs) => {
    const raw = read(attrs);
    if (raw === void 0 || raw === null) return false;
    if (Array.isArray(raw)) return raw.length > 0 && (anyOf ? raw.some(one) : raw.every(one));
    return one(raw);
  };
}
function attributeReader(field) {
  const keys = [field.name, ...field.aliases, ...field.attributeKeys ?? []];
  if (keys.length === 1) return (attrs) => attrs[field.name];
  return (attrs) => {
    for (const key of keys) {
      const v = attrs[key];
      if (v !== void 0 && v !== null) return v;
    }
    return void 0;
  };
}
var NUMERIC = /^\s*-?[0-9]+(\.[0-9]+)?\s*$/;
function coercer(type, lower) {
  if (type === "int") {
    return (v) => typeof v === "number" ? Number.isFinite(v) ? v : void 0 : typeof v === "string" && NUMERIC.test(v) ? Number(v) : void 0;
  }
  if (type === "ip") {
    return (v) => {
      if (typeof v !== "string") return void 0;
      const parsed = parseIp(v);
      return parsed.ok ? parsed.value : void 0;
    };
  }
  return (v) => {
    const s = typeof v === "string" ? v : typeof v === "number" || typeof v === "boolean" ? String(v) : void 0;
    return s !== void 0 && lower ? s.toLowerCase() : s;
  };
}
function comparator(op, type, value) {
  if (type === "ip") {
    if (value.kind !== "ip") throw new Error("unchecked expression: IP field without an address");
    const parsed = parseCidr(value.text);
    if (!parsed.ok) throw new Error(`unchecked expression: ${parsed.reason}`);
    const block = parsed.value;
    switch (op) {
      case "==":
        return (v) => sameIp(block, v);
      case "!=":
        return (v) => !sameIp(block, v);
      case "in":
        return (v) => cidrContains(block, v);
      case "not in":
        return (v) => !cidrContains(block, v);
      default:
        throw new Error(`unchecked expression: ${op} on an IP field`);
    }
  }
  if (type === "int") {
    if (value.kind !== "int") throw new Error("unchecked expression: integer field without an integer");
    const n = value.value;
    switch (op) {
      case "==":
        return (v) => v === n;
      case "!=":
        return (v) => v !== n;
      case ">":
        return (v) => v > n;
      case ">=":
        return (v) => v >= n;
      case "<":
        return (v) => v < n;
      case "<=":
        return (v) => v <= n;
      default:
        throw new Error(`unchecked expression: ${op} on an integer field`);
    }
  }
  if (value.kind !== "string") throw new Error("unchecked expression: string field without a string");
  const s = value.value;
  switch (op) {
    case "==":
      return (v) => v === s;
    case "!=":
      return (v) => v !== s;
    case "^=":
      return (v) => v.startsWith(s);
    case "=^":
      return (v) => v.endsWith(s);
    case "contains":
      return (v) => v.includes(s);
    case "~": {
      const re = compileRegex(s);
      if (!re.ok) throw new Error(`unchecked expression: ${re.reason}`);
      const regex = re.regex;
      return (v) => regex.test(v);
    }
    default:
      throw new Error(`unchecked expression: ${op} on a string field`);
  }
}

// shared/expr/lexer.ts
var KEYWORD_OPERATORS = /* @__PURE__ */ new Set(["contains", "in", "not"]);
var ESCAPES = { '"': '"', "\\": "\\", n: "\n", r: "\r", t: "	" };
var isSpace = (c) => c === " " || c === "	" || c === "\n" || c === "\r";
var isDigit = (c) => c >= "0" && c <= "9";
var isIdentStart = (c) => c >= "a" && c <= "z" || c >= "A" && c <= "Z" || c === "_";
var isIdentChar = (c) => isIdentStart(c) || isDigit(c) || c === ".";
var isHexOrColon = (c) => isDigit(c) || c >= "a" && c <= "f" || c >= "A" && c <= "F" || c === ":" || c === ".";
var isWordChar = (c) => isIdentChar(c) || c === ":";
function lex(src) {
  const tokens = [];
  const errors = [];
  let i = 0;
  const push = (kind, start, end, extra) => {
    tokens.push({ kind, start, end, text: src.slice(start, end), ...extra });
  };
  const report = (start, end, message2, fix) => {
    errors.push(errorAt(start, end, message2, fix));
  };
  const fail = (start, end, message2, fix) => {
    push("error", start, end);
    report(start, end, message2, fix);
  };
  while (i < src.length) {
    const c = src[i];
    const next = src[i + 1] ?? "";
    const start = i;
    if (isSpace(c)) {
      i++;
    } else if (c === "(") {
      push("lparen", i, ++i);
    } else if (c === ")") {
      push("rparen", i, ++i);
    } else if (c === "&" || c === "|") {
      if (next === c) {
        push("logical", i, i += 2);
      } else {
        i++;
        fail(start, i, `use ${c}${c} to join conditions`, { start, end: i, replacement: c + c, label: `use ${c}${c}` });
      }
    } else if (c === "!") {
      if (next === "=") push("operator", i, i += 2);
      else push("not", i, ++i);
    } else if (c === "=") {
      if (next === "=" || next === "^") push("operator", i, i += 2);
      else {
        i++;
        fail(start, i, "use == to compare", { start, end: i, replacement: "==", label: "use ==" });
      }
    } else if (c === "^") {
      if (next === "=") push("operator", i, i += 2);
      else {
        i++;
        fail(start, i, "unexpected ^: the prefix operator is ^=", { start, end: i, replacement: "^=", label: "use ^=" });
      }
    } else if (c === ">" || c === "<") {
      push("operator", i, i += next === "=" ? 2 : 1);
    } else if (c === "~") {
      push("operator", i, ++i);
    } else if (c === '"') {
      i = lexString(src, i, push, report);
    } else if (c === "r" && next === "#" && src[i + 2] === '"') {
      const close = src.indexOf('"#', i + 3);
      if (close === -1) {
        i = src.length;
        fail(start, i, 'unterminated raw string: add a closing "#', { start: i, end: i, replacement: '"#', label: 'add "#' });
      } else {
        i = close + 2;
        push("string", start, i, { value: src.slice(start + 3, close), raw: true });
      }
    } else if (c === "'") {
      const close = src.indexOf("'", i + 1);
      i = close === -1 ? src.length : close + 1;
      const inner = src.slice(start + 1, close === -1 ? src.length : close);
      const quoted = quote(inner);
      fail(start, i, `strings use double quotes: ${quoted}`, { start, end: i, replacement: quoted, label: `use ${quoted}` });
    } else if (isDigit(c) || c === "-" && isDigit(next) || c === ":" || isIdentStart(c) && startsIpv6(src, i)) {
      i = lexNumberOrAddress(src, i, push, fail);
    } else if (isIdentStart(c)) {
      while (i < src.length && isIdentChar(src[i])) i++;
      const word = src.slice(start, i);
      let j = i;
      while (j < src.length && isSpace(src[j])) j++;
      if (KEYWORD_OPERATORS.has(word)) push("operator", start, i);
      else push(src[j] === "(" ? "function" : "field", start, i);
    } else {
      i++;
      fail(start, i, `unexpected character ${JSON.stringify(c)}`);
    }
  }
  return { tokens, errors };
}
function lexString(src, start, push, report) {
  let i = start + 1;
  let value = "";
  let bad = false;
  while (i < src.length && src[i] !== '"') {
    if (src[i] === "\\") {
      const e = src[i + 1];
      if (e !== void 0 && e in ESCAPES) {
        value += ESCAPES[e];
      } else if (e !== void 0) {
        bad = true;
        report(i, i + 2, `unknown escape \\${e} in string: the escapes are \\" \\\\ \\n \\r \\t`, {
          start: i,
          end: i + 1,
          replacement: "\\\\",
          label: "escape the backslash"
        });
      }
      i += 2;
    } else {
      value += src[i];
      i++;
    }
  }
  if (i >= src.length) {
    push("error", start, src.length);
    report(start, src.length, 'unterminated string: add a closing "', { start: src.length, end: src.length, replacement: '"', label: 'add "' });
    return src.length;
  }
  i++;
  if (bad) push("error", start, i);
  else push("string", start, i, { value, raw: false });
  return i;
}
function startsIpv6(src, i) {
  let j = i;
  while (j < src.length && isHexOrColon(src[j])) {
    if (src[j] === ":") return true;
    j++;
  }
  return false;
}
function lexNumberOrAddress(src, start, push, fail) {
  let i = start;
  if (src[i] === "-") i++;
  while (i < src.length && isWordChar(src[i])) i++;
  if (src[i] === "/") {
    i++;
    while (i < src.length && isWordChar(src[i])) i++;
  }
  const text = src.slice(start, i);
  if (text.includes(":") || text.includes(".") || text.includes("/")) {
    push("ip", start, i);
    return i;
  }
  const negative = text.startsWith("-");
  const body2 = negative ? text.slice(1) : text;
  let value;
  if (/^0x[0-9a-f]+$/i.test(body2)) {
    value = parseInt(body2.slice(2), 16);
  } else if (/^(0|[1-9][0-9]*)$/.test(body2)) {
    value = Number(body2);
  } else if (/^0[0-9]+$/.test(body2)) {
    const plain = String(Number(body2));
    fail(start, i, `integers may not start with 0 (Kong would read ${text} as octal): write ${negative ? "-" : ""}${plain}`, {
      start,
      end: i,
      replacement: `${negative ? "-" : ""}${plain}`,
      label: `use ${negative ? "-" : ""}${plain}`
    });
    return i;
  } else {
    fail(start, i, `${text} is not a number; quote it if it is a string: "${text}"`, {
      start,
      end: i,
      replacement: quote(text),
      label: `quote it: "${text}"`
    });
    return i;
  }
  if (!Number.isSafeInteger(value)) {
    fail(start, i, `${text} is too large: integers must be within \xB1${Number.MAX_SAFE_INTEGER}`);
    return i;
  }
  push("int", start, i, { value: negative && value !== 0 ? -value : value });
  return i;
}

// shared/expr/parser.ts
var MAX_DEPTH = 64;
var FUNCTIONS = /* @__PURE__ */ new Set(["lower", "any"]);
var SyntaxFailure = class extends Error {
  constructor(error) {
    super(error.message);
    this.error = error;
  }
  error;
};
function parse2(src) {
  const { tokens, errors } = lex(src);
  try {
    const parser = new Parser(src, tokens, errors);
    return { ok: true, expr: parser.parseAll() };
  } catch (e) {
    if (e instanceof SyntaxFailure) return { ok: false, errors: [e.error] };
    throw e;
  }
}
var describe2 = (t) => t.kind === "string" ? "a string" : t.kind === "int" ? `the number ${t.text}` : t.text;
var Parser = class {
  constructor(src, tokens, lexErrors) {
    this.src = src;
    this.tokens = tokens;
    this.lexErrors = lexErrors;
  }
  src;
  tokens;
  lexErrors;
  pos = 0;
  depth = 0;
  parseAll() {
    if (this.tokens.length === 0) {
      this.fail(0, Math.max(this.src.length, 1), "empty expression: write a condition such as http.response.status_code >= 500");
    }
    const expr = this.parseOr(void 0);
    const t = this.peek();
    if (t) this.unexpectedAfterCondition(t);
    return expr;
  }
  peek(offset = 0) {
    return this.tokens[this.pos + offset];
  }
  fail(start, end, message2, fix) {
    throw new SyntaxFailure(errorAt(start, end, message2, fix));
  }
  /** An `error` token stands for a lexer message; report that one. */
  failLex(t) {
    const err2 = this.lexErrors.find((e) => e.column > t.start && e.column <= t.end);
    if (err2) throw new SyntaxFailure(err2);
    this.fail(t.start, t.end, `unexpected ${t.text}`);
  }
  parseOr(opener) {
    const first = this.parseAnd(opener);
    const terms = [first];
    while (this.peek()?.text === "||") {
      const op = this.tokens[this.pos++];
      terms.push(this.parseAnd(op));
    }
    return terms.length === 1 ? first : { kind: "or", terms, start: first.start, end: terms[terms.length - 1].end };
  }
  parseAnd(opener) {
    const first = this.parseTerm(opener);
    const terms = [first];
    while (this.peek()?.text === "&&") {
      const op = this.tokens[this.pos++];
      terms.push(this.parseTerm(op));
    }
    return terms.length === 1 ? first : { kind: "and", terms, start: first.start, end: terms[terms.length - 1].end };
  }
  /** `opener` is the token before this term (&&, ||, "(") for "missing condition after ..." messages. */
  parseTerm(opener) {
    const t = this.peek();
    if (!t) {
      if (opener) this.fail(opener.start, opener.end, `missing condition after ${opener.text}`);
      this.fail(0, 1, "empty expression");
    }
    switch (t.kind) {
      case "not":
        return this.parseNot(t);
      case "lparen":
        return this.parseGroup(t);
      case "field":
      case "function":
        return this.parsePredicate();
      case "error":
        return this.failLex(t);
      case "logical":
        return this.fail(t.start, t.end, `missing condition before ${t.text}`);
      case "rparen":
        return this.fail(t.start, t.end, opener ? `missing condition after ${opener.text}` : "unexpected ): nothing to close");
      case "operator":
        return this.fail(t.start, t.end, `missing field before ${t.text}`);
      default:
        return this.fail(t.start, t.end, `a condition starts with a field, e.g. http.response.status_code >= 500; found ${describe2(t)}`);
    }
  }
  enter(t) {
    if (++this.depth > MAX_DEPTH) this.fail(t.start, t.end, `nested too deeply (more than ${MAX_DEPTH} levels)`);
  }
  parseGroup(open) {
    this.enter(open);
    this.pos++;
    const inner = this.parseOr(open);
    this.expectClose(open, "(");
    this.depth--;
    return inner;
  }
  expectClose(open, what) {
    const t = this.peek();
    if (t?.kind === "rparen") {
      this.pos++;
      return;
    }
    if (!t) {
      const end = this.src.length;
      this.fail(open.start, open.end, `${what} is never closed: add )`, { start: end, end, replacement: ")", label: "add )" });
    }
    if (t.kind === "error") this.failLex(t);
    this.fail(t.start, t.end, `expected ) to close the ${what} at column ${open.start + 1}, found ${describe2(t)}`);
  }
  parseNot(bang) {
    const next = this.peek(1);
    if (next?.kind === "lparen") {
      this.pos++;
      const inner = this.parseGroup(next);
      return { kind: "not", expr: inner, start: bang.start, end: this.tokens[this.pos - 1].end };
    }
    const message2 = "! negates only a parenthesised expression: write !( ... )";
    if (next?.kind === "field" || next?.kind === "function") {
      const saved = this.pos;
      this.pos++;
      let end;
      try {
        end = this.parsePredicate().end;
      } catch (e) {
        if (!(e instanceof SyntaxFailure)) throw e;
      }
      this.pos = saved;
      if (end !== void 0) {
        const inner = this.src.slice(next.start, end);
        this.fail(bang.start, bang.end, `! negates only a parenthesised expression: write !(${inner})`, {
          start: bang.start,
          end,
          replacement: `!(${inner})`,
          label: `use !(${inner})`
        });
      }
    }
    return this.fail(bang.start, bang.end, message2);
  }
  parseLhs() {
    const t = this.peek();
    if (t.kind === "function") {
      if (!FUNCTIONS.has(t.text)) this.fail(t.start, t.end, `unknown function ${t.text}(): the functions are lower() and any()`);
      this.enter(t);
      this.pos++;
      const open = this.tokens[this.pos++];
      const inner = this.peek();
      if (!inner || inner.kind !== "field" && inner.kind !== "function") {
        const at = inner ?? open;
        this.fail(at.start, at.end, `${t.text}() needs a field, e.g. ${t.text}(http.route)`);
      }
      const arg = this.parseLhs();
      this.expectClose(open, `${t.text}(`);
      this.depth--;
      return { kind: "transform", fn: t.text, arg, start: t.start, end: this.tokens[this.pos - 1].end };
    }
    this.pos++;
    return { kind: "field", name: t.text, start: t.start, end: t.end };
  }
  parsePredicate() {
    const lhs = this.parseLhs();
    const lhsText = this.src.slice(lhs.start, lhs.end);
    const t = this.peek();
    if (!t || t.kind === "logical" || t.kind === "rparen") {
      this.fail(lhs.start, lhs.end, `${lhsText} needs an operator and a value, e.g. ${example(lhs)}`);
    }
    if (t.kind === "error") this.failLex(t);
    if (t.kind !== "operator" || t.text === "not" && this.peek(1)?.text !== "in") {
      if (t.text === "not") this.fail(t.start, t.end, "not must be followed by in: not in");
      if (t.kind === "string" || t.kind === "int" || t.kind === "ip") {
        this.fail(t.start, t.end, `missing operator between ${lhsText} and ${t.text}`);
      }
      this.fail(t.start, t.end, `expected an operator (== != ~ ^= =^ contains > >= < <= in, not in) after ${lhsText}, found ${t.text}`);
    }
    this.pos++;
    let op = t.text;
    let opEnd = t.end;
    if (t.text === "not") {
      opEnd = this.tokens[this.pos++].end;
      op = "not in";
    }
    const value = this.parseValue(lhs, op, t.start, opEnd);
    return { kind: "predicate", lhs, op, opRange: { start: t.start, end: opEnd }, value, start: lhs.start, end: value.end };
  }
  parseValue(lhs, op, opStart, opEnd) {
    const t = this.peek();
    if (!t || t.kind === "logical" || t.kind === "rparen") this.fail(opStart, opEnd, `missing value after ${op}`);
    if (t.kind === "string") {
      this.pos++;
      return { kind: "string", value: t.value, raw: t.raw === true, start: t.start, end: t.end };
    }
    if (t.kind === "int") {
      this.pos++;
      return { kind: "int", value: t.value, start: t.start, end: t.end };
    }
    if (t.kind === "ip") {
      this.pos++;
      return { kind: "ip", text: t.text, start: t.start, end: t.end };
    }
    if (t.kind === "error" && (/^["'&|=^]/.test(t.text) || /^-?[0-9]+$/.test(t.text) || t.text.startsWith('r#"'))) this.failLex(t);
    if (t.kind === "operator" || t.kind === "not" || t.kind === "lparen") {
      this.fail(t.start, t.end, `expected a value after ${op}, found ${t.text}`);
    }
    return this.bareWord(lhs, op, t);
  }
  /** An unquoted word where a value belongs: the commonest mistake (`http.method == GET`). */
  bareWord(lhs, op, t) {
    let end = t.start;
    while (end < this.src.length && !/[\s()&|]/.test(this.src[end])) end++;
    const word = this.src.slice(t.start, end);
    const field = lookupField(baseName(lhs));
    const quoted = quote(word);
    const wantsString = (!field || field.type === "string") && op !== "in" && op !== "not in" && !/^[<>]/.test(op);
    if (wantsString) {
      this.fail(t.start, end, `string values must be quoted: ${quoted}`, { start: t.start, end, replacement: quoted, label: `quote it: ${quoted}` });
    }
    const expected = op === "in" || op === "not in" ? "an IP address or CIDR" : field ? typeName(field.type) : "a value";
    this.fail(t.start, end, `expected ${expected} after ${op}, found ${word}`);
  }
  unexpectedAfterCondition(t) {
    if (t.kind === "error") this.failLex(t);
    if (t.kind === "rparen") this.fail(t.start, t.end, "unexpected ): no ( to close", { start: t.start, end: t.end, replacement: "", label: "remove )" });
    const word = t.text.toLowerCase();
    if (word === "and" || word === "or") {
      const op = word === "and" ? "&&" : "||";
      this.fail(t.start, t.end, `use ${op} instead of ${t.text}`, { start: t.start, end: t.end, replacement: op, label: `use ${op}` });
    }
    this.fail(t.start, t.end, `expected && or || before ${t.text}`);
  }
};
function baseName(lhs) {
  let node = lhs;
  while (node.kind === "transform") node = node.arg;
  return node.name;
}
function example(lhs) {
  const name = baseName(lhs);
  const type = lookupField(name)?.type;
  if (type === "int") return `${name} >= 500`;
  if (type === "ip") return `${name} in 10.0.0.0/8`;
  return `${name} == "GET"`;
}

// shared/expr/index.ts
function compile(src) {
  const parsed = parse2(src);
  if (!parsed.ok) return parsed;
  const errors = check(parsed.expr);
  if (errors.length > 0) return { ok: false, errors };
  return { ok: true, expr: parsed.expr, evaluate: toEvaluator(parsed.expr) };
}

// electron/services/receiver/rule.ts
function compileRule(where) {
  const src = (where ?? "").trim();
  if (src === "") return { ok: true, predicate: () => true };
  const compiled = compile(src);
  if (!compiled.ok) {
    return { ok: false, message: `sampling rule ${JSON.stringify(src)}: ${compiled.errors.map(formatError).join("; ")}` };
  }
  return { ok: true, predicate: compiled.evaluate };
}

// electron/services/receiver/server.ts
import { createServer } from "node:http";

// electron/services/receiver/body.ts
import { gunzip } from "node:zlib";
var BodyError = class extends Error {
  constructor(status, message2) {
    super(message2);
    this.status = status;
    this.name = "BodyError";
  }
  status;
};
function readBody(req, limits) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    let settled = false;
    const finish = (e, body2) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      req.off("end", onEnd);
      req.off("error", onError);
      req.off("aborted", onAborted);
      if (e) reject(e);
      else resolve(body2);
    };
    const timer = setTimeout(
      () => finish(new BodyError(408, `request body not received within ${limits.bodyTimeoutMs} ms (${size} bytes arrived)`)),
      limits.bodyTimeoutMs
    );
    const onData = (chunk) => {
      size += chunk.length;
      if (size > limits.maxBodyBytes) {
        finish(new BodyError(413, `request body larger than the limit of ${limits.maxBodyBytes} bytes`));
        return;
      }
      chunks.push(chunk);
    };
    const onEnd = () => finish(null, Buffer.concat(chunks, size));
    const onError = (e) => finish(new BodyError(400, `request body could not be read: ${e.message}`));
    const onAborted = () => finish(new BodyError(400, "request aborted before its body was complete"));
    req.on("data", onData);
    req.on("end", onEnd);
    req.on("error", onError);
    req.on("aborted", onAborted);
  });
}
function inflate(body2, contentEncoding, maxInflatedBytes) {
  const encoding = (contentEncoding ?? "identity").trim().toLowerCase();
  if (encoding === "identity" || encoding === "") return Promise.resolve(body2);
  if (encoding !== "gzip" && encoding !== "x-gzip") {
    return Promise.reject(new BodyError(415, `Content-Encoding ${JSON.stringify(encoding)} is not supported (use gzip or none)`));
  }
  return new Promise((resolve, reject) => {
    gunzip(body2, { maxOutputLength: maxInflatedBytes }, (e, out) => {
      if (!e) return resolve(out);
      if (e.code === "ERR_BUFFER_TOO_LARGE") {
        reject(new BodyError(413, `request body inflates to more than the limit of ${maxInflatedBytes} bytes`));
      } else {
        reject(new BodyError(400, `gzip body could not be inflated: ${e.message}`));
      }
    });
  });
}

// electron/services/receiver/responses.ts
var CONTENT_TYPE = { protobuf: "application/x-protobuf", json: "application/json" };
function varint(n) {
  const out = [];
  let v = Math.max(0, Math.floor(n));
  while (v >= 128) {
    out.push(v % 128 | 128);
    v = Math.floor(v / 128);
  }
  out.push(v);
  return out;
}
function lengthDelimited(num, bytes) {
  return [...varint(num << 3 | 2), ...varint(bytes.length), ...bytes];
}
function varintField(num, value) {
  return [...varint(num << 3), ...varint(value)];
}
var utf8 = (s) => new TextEncoder().encode(s);
function exportAnswer(kind, encoding, rejected, message2) {
  if (encoding === "json") {
    const countKey = kind === "traces" ? "rejectedSpans" : "rejectedLogRecords";
    const body2 = rejected > 0 ? { partialSuccess: { [countKey]: String(rejected), errorMessage: message2 } } : {};
    return { status: 200, contentType: CONTENT_TYPE.json, body: Buffer.from(JSON.stringify(body2)) };
  }
  const bytes = rejected > 0 ? lengthDelimited(1, Uint8Array.from([...varintField(1, rejected), ...lengthDelimited(2, utf8(message2))])) : [];
  return { status: 200, contentType: CONTENT_TYPE.protobuf, body: Buffer.from(bytes) };
}
var GRPC_CODE = { 400: 3, 404: 12, 405: 12, 408: 4, 413: 8, 415: 3, 429: 8, 503: 14 };
function errorAnswer(status, message2, encoding = "json", headers2) {
  const code = GRPC_CODE[status] ?? 2;
  const body2 = encoding === "json" ? Buffer.from(JSON.stringify({ code, message: message2 })) : Buffer.from([...varintField(1, code), ...lengthDelimited(2, utf8(message2))]);
  return headers2 ? { status, contentType: CONTENT_TYPE[encoding], body: body2, headers: headers2 } : { status, contentType: CONTENT_TYPE[encoding], body: body2 };
}
function encodingOf(contentType) {
  const type = (contentType ?? "").split(";")[0].trim().toLowerCase();
  if (type === "application/x-protobuf" || type === "application/protobuf") return "protobuf";
  if (type === "application/json") return "json";
  return null;
}

// electron/services/receiver/server.ts
var DEFAULT_LIMITS = {
  maxBodyBytes: 16 * 1024 * 1024,
  maxInflatedBytes: 64 * 1024 * 1024,
  bodyTimeoutMs: 15e3,
  maxInFlight: 64,
  retryAfterSeconds: 1
};
var ReceiverError = class extends Error {
  constructor(code, message2) {
    super(message2);
    this.code = code;
    this.name = "ReceiverError";
  }
  code;
};
var isLoopback = (host) => host === "localhost" || host === "::1" || /^127(\.\d{1,3}){3}$/.test(host);
var PATHS = { "/v1/traces": "traces", "/v1/logs": "logs" };
async function startReceiver(opts) {
  const host = opts.host ?? "127.0.0.1";
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  let warning;
  if (!isLoopback(host)) {
    if (!opts.allowRemote) {
      throw new ReceiverError("remote-not-allowed", `receiver address ${host}: not a loopback address; listening where other machines can send needs an explicit opt-in`);
    }
    warning = `listening on ${host}: any machine that can reach this address can send traces to this app`;
  }
  const counters = { requests: 0, recordsRejected: 0, badRequests: 0, busy: 0 };
  let inFlight = 0;
  const running = /* @__PURE__ */ new Set();
  const server = createServer((req, res) => {
    const work = handle(req, res).finally(() => running.delete(work));
    running.add(work);
  });
  server.headersTimeout = Math.min(limits.bodyTimeoutMs, 1e4);
  server.requestTimeout = limits.bodyTimeoutMs * 2;
  async function handle(req, res) {
    const kind = PATHS[(req.url ?? "").split("?")[0]];
    if (!kind) return send(req, res, errorAnswer(404, `no such endpoint ${req.url ?? ""}: use POST /v1/traces or /v1/logs`), true);
    if (req.method !== "POST") return send(req, res, errorAnswer(405, `${req.method ?? ""} ${req.url}: only POST is accepted`, "json", { Allow: "POST" }), true);
    const encoding = encodingOf(req.headers["content-type"]);
    if (!encoding) {
      return bad(req, res, errorAnswer(415, `Content-Type ${JSON.stringify(req.headers["content-type"] ?? "")} is not supported: use application/x-protobuf or application/json`));
    }
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > limits.maxBodyBytes) {
      return bad(req, res, errorAnswer(413, `request body of ${declared} bytes is larger than the limit of ${limits.maxBodyBytes} bytes`, encoding));
    }
    if (inFlight >= limits.maxInFlight || opts.busy?.()) {
      counters.busy++;
      const retry = { "Retry-After": String(limits.retryAfterSeconds) };
      return send(req, res, errorAnswer(503, "receiver busy, retry later", encoding, retry), true);
    }
    inFlight++;
    try {
      const raw = await readBody(req, limits);
      const body2 = await inflate(raw, req.headers["content-encoding"], limits.maxInflatedBytes);
      const batch = await opts.decode(new Uint8Array(body2.buffer, body2.byteOffset, body2.byteLength), kind, encoding);
      opts.accept(kind, batch);
      const rejected = batch.skipped.length;
      counters.requests++;
      counters.recordsRejected += rejected;
      const why = batch.skipped.slice(0, 3).map((s) => `${s.where}: ${s.reason}`).join("; ");
      send(req, res, exportAnswer(kind, encoding, rejected, why), false);
    } catch (e) {
      if (e instanceof BodyError) return bad(req, res, errorAnswer(e.status, e.message, encoding));
      const where = `POST /v1/${kind}`;
      if (e instanceof DecodeError) {
        return bad(req, res, errorAnswer(400, `${where}: the body is not a valid OTLP/${encoding} export request: ${e.where ? `${e.where}: ` : ""}${e.reason}`, encoding));
      }
      const message2 = e instanceof Error ? e.message : String(e);
      return bad(req, res, errorAnswer(400, `${where}: the body could not be used: ${message2}`, encoding));
    } finally {
      inFlight--;
    }
  }
  function bad(req, res, answer) {
    counters.badRequests++;
    send(req, res, answer, true);
  }
  function send(req, res, answer, close) {
    if (res.headersSent || res.destroyed) return;
    res.statusCode = answer.status;
    res.setHeader("Content-Type", answer.contentType);
    res.setHeader("Content-Length", answer.body.length);
    for (const [k, val] of Object.entries(answer.headers ?? {})) res.setHeader(k, val);
    if (close && !req.complete) res.setHeader("Connection", "close");
    res.end(answer.body, () => {
      if (close && !req.complete) req.socket.destroy();
    });
  }
  const sockets = /* @__PURE__ */ new Set();
  server.on("connection", (s) => {
    sockets.add(s);
    s.on("close", () => sockets.delete(s));
  });
  server.on("clientError", (_e, socket) => {
    if (socket.writable) socket.end("HTTP/1.1 400 Bad Request\r\nConnection: close\r\nContent-Length: 0\r\n\r\n");
    else socket.destroy();
  });
  await listen(server, host, opts.port);
  const port = server.address().port;
  const urlHost = host.includes(":") ? `[${host}]` : host;
  return {
    host,
    port,
    url: `http://${urlHost}:${port}`,
    warning,
    counters,
    async close() {
      await new Promise((resolve) => {
        server.close(() => resolve());
        server.closeIdleConnections();
        const grace = setTimeout(() => {
          for (const s of sockets) s.destroy();
        }, 1e3);
        void Promise.allSettled([...running]).then(() => {
          clearTimeout(grace);
          server.closeAllConnections();
        });
      });
    }
  };
}
function listen(server, host, port) {
  return new Promise((resolve, reject) => {
    const onError = (e) => {
      server.off("listening", onListening);
      if (e.code === "EADDRINUSE") {
        reject(new ReceiverError("address-in-use", `port ${port} on ${host} is already in use (another collector?): choose another port, or 0 for a free one`));
      } else {
        reject(new ReceiverError("listen-failed", `cannot listen on ${host}:${port}: ${e.message}`));
      }
    };
    const onListening = () => {
      server.off("error", onError);
      resolve();
    };
    server.once("error", onError);
    server.once("listening", onListening);
    server.listen(port, host);
  });
}

// electron/services/receiver/capture-service.ts
var CaptureService = class {
  constructor(opts = {}) {
    this.opts = opts;
    this.now = opts.now ?? Date.now;
  }
  opts;
  current = null;
  now;
  async start(args) {
    if (this.current && !this.current.session.endReason) {
      throw new BridgeFailure("conflict", `a capture is already running on ${this.current.receiver.url}: stop it first`);
    }
    const rule = compileRule(args.where);
    if (!rule.ok) throw new BridgeFailure("invalid-argument", rule.message);
    const session = new CaptureSession(
      { sample: rule.predicate, durationMs: args.durationSeconds * 1e3, maxTraces: args.maxTraces, ...this.opts.hold },
      this.now()
    );
    const outbox = new Outbox();
    const maxPending = this.opts.maxPending ?? 2e5;
    let capture = null;
    let receiver;
    try {
      receiver = await startReceiver({
        host: args.host,
        port: args.port,
        allowRemote: args.allowRemote,
        limits: this.opts.limits,
        decode: this.opts.decode ?? decodeBody,
        busy: () => outbox.pendingRecords >= maxPending,
        accept: (kind, batch) => {
          if (capture) this.accept(capture, kind, batch);
        }
      });
    } catch (e) {
      if (e instanceof ReceiverError) {
        throw new BridgeFailure(e.code === "address-in-use" ? "conflict" : "invalid-argument", e.message);
      }
      throw e;
    }
    if (receiver.warning) this.opts.warn?.(receiver.warning);
    let close;
    const closed = new Promise((resolve) => close = resolve);
    capture = {
      id: randomUUID(),
      args: { where: (args.where ?? "").trim(), durationSeconds: args.durationSeconds, maxTraces: args.maxTraces },
      session,
      outbox,
      receiver,
      timer: setInterval(() => this.tick(capture), this.opts.tickMs ?? 250),
      closed,
      close,
      closing: false,
      lastPushed: ""
    };
    this.current = capture;
    return this.push(capture, true);
  }
  async stop(id) {
    const c = this.find(id);
    c.session.end("stopped", this.now());
    await this.finish(c);
    return this.statusOf(c);
  }
  status() {
    return this.current ? this.statusOf(this.current) : null;
  }
  drain(id, cursor, maxRecords) {
    const c = this.find(id);
    const read = c.outbox.read(cursor, maxRecords);
    return { status: this.statusOf(c), cursor: read.cursor, traces: read.traces, logs: read.logs, more: read.more };
  }
  /** Resolves when the capture has ended (by itself or stopped) and its receiver is closed. */
  async whenEnded(id) {
    const c = this.find(id);
    await c.closed;
    return this.statusOf(c);
  }
  /** Stops whatever runs (app quit). */
  async dispose() {
    if (this.current && !this.current.session.endReason) await this.stop(this.current.id);
  }
  find(id) {
    if (!this.current || this.current.id !== id) throw new BridgeFailure("not-found", `no capture ${id} (it may belong to an earlier run of the app)`);
    return this.current;
  }
  accept(c, kind, batch) {
    const now = this.now();
    const kept = kind === "traces" ? c.session.offerTraces(batch.traces, now) : c.session.offerLogs(batch.logs, now);
    const extra = kind === "traces" ? c.session.offerLogs(batch.logs, now) : c.session.offerTraces(batch.traces, now);
    c.outbox.push([...kept.traces, ...extra.traces], [...kept.logs, ...extra.logs]);
    if (c.session.endReason) void this.finish(c);
  }
  tick(c) {
    c.session.tick(this.now());
    if (c.session.endReason) void this.finish(c);
    else this.push(c, false);
  }
  async finish(c) {
    clearInterval(c.timer);
    if (!c.closing) {
      c.closing = true;
      await c.receiver.close();
      c.close();
      this.push(c, true);
    }
    await c.closed;
  }
  push(c, force) {
    const status = this.statusOf(c);
    const key = JSON.stringify([status.state, status.counters, status.receiver, status.pending]);
    if (force || key !== c.lastPushed) {
      c.lastPushed = key;
      this.opts.onStatus?.(status);
    }
    return status;
  }
  statusOf(c) {
    const s = c.session;
    const status = {
      id: c.id,
      state: s.endReason ? "ended" : "running",
      endReason: s.endReason,
      where: c.args.where,
      durationSeconds: c.args.durationSeconds,
      maxTraces: c.args.maxTraces,
      host: c.receiver.host,
      port: c.receiver.port,
      url: c.receiver.url,
      startedAt: s.startedAt,
      endsAt: s.endsAt,
      endedAt: s.endTime,
      counters: s.counters,
      receiver: { ...c.receiver.counters },
      pending: c.outbox.pendingRecords
    };
    if (c.receiver.warning) status.warning = c.receiver.warning;
    return status;
  }
};

// test/bench/receive.ts
var PRODUCER = "test/bench/receive-producer.ts";
function repoRoot() {
  let dir = dirname(fileURLToPath(import.meta.url));
  for (let i = 0; i < 8; i++) {
    if (existsSync(join(dir, PRODUCER))) return dir;
    dir = dirname(dir);
  }
  if (existsSync(join(process.cwd(), PRODUCER))) return process.cwd();
  throw new Error(`receive benchmark: cannot find ${PRODUCER} above ${fileURLToPath(import.meta.url)} or in ${process.cwd()}`);
}
async function benchReceive(opts = {}) {
  const seconds2 = opts.seconds ?? 60;
  const exporters = opts.exporters ?? 4;
  const tmp = await mkdtemp(join(tmpdir(), "ktv-bench-receive-"));
  const script = join(tmp, "producer.cjs");
  await build({ entryPoints: [join(repoRoot(), PRODUCER)], outfile: script, bundle: true, platform: "node", target: "node20", format: "cjs", logLevel: "error" });
  const service = new CaptureService({ tickMs: 250 });
  const status = await service.start({ durationSeconds: seconds2 + 600, maxTraces: Number.MAX_SAFE_INTEGER, port: 0 });
  const awaited = /* @__PURE__ */ new Set();
  const early = /* @__PURE__ */ new Set();
  let received = 0;
  let firstAt = 0;
  let lastAt = 0;
  let peakRss = process.memoryUsage().rss;
  const sampleMemory = setInterval(() => peakRss = Math.max(peakRss, process.memoryUsage().rss), 250);
  let cursor = 0;
  let consuming = true;
  const consumer = (async () => {
    while (consuming) {
      const page = service.drain(status.id, cursor);
      cursor = page.cursor;
      for (const t of page.traces) {
        for (const s of t.spans) {
          const key = t.traceId + s.spanId;
          if (awaited.delete(key)) received++;
          else if (!early.has(key)) {
            early.add(key);
            received++;
          }
        }
      }
      if (page.traces.length) lastAt = Date.now();
      if (!page.more) await new Promise((r) => setTimeout(r, 100));
    }
  })();
  const child = fork(script, [], { stdio: ["ignore", "inherit", "inherit", "ipc"] });
  const done = new Promise((resolve, reject) => {
    child.on("message", (m) => {
      if (m.type === "sent") {
        for (const key of m.keys) if (!early.delete(key)) awaited.add(key);
      } else resolve(m);
    });
    child.on("exit", (code) => reject(new Error(`receive benchmark: the producer exited (${code}) before reporting`)));
  });
  firstAt = Date.now();
  const job = { url: status.url, exporters, seconds: seconds2, spansPerSecond: opts.spansPerSecond ?? 6e3, spansPerTrace: 10 };
  child.send(job);
  try {
    const { sent } = await done;
    const settleUntil = Date.now() + 1e4;
    while (service.status().pending > 0 && Date.now() < settleUntil) await new Promise((r) => setTimeout(r, 100));
    await new Promise((r) => setTimeout(r, 300));
    const lost = Math.max(awaited.size, sent - received);
    return {
      spansPerSecond: Math.round(received / Math.max(1e-3, (lastAt - firstAt) / 1e3)),
      lost,
      peakMemoryMB: Math.round(peakRss / (1024 * 1024) * 10) / 10
    };
  } finally {
    consuming = false;
    await consumer;
    clearInterval(sampleMemory);
    child.kill();
    await service.dispose();
    await rm(tmp, { recursive: true, force: true });
  }
}

// ../../tmp/kb/run.ts
var seconds = Number(process.argv[2] ?? 8);
benchReceive({ seconds, exporters: 4 }).then((r) => {
  console.log(JSON.stringify(r));
}, (e) => {
  console.error(e);
  process.exit(1);
});
/*! Bundled license information:

long/umd/index.js:
  (**
   * @license
   * Copyright 2009 The Closure Library Authors
   * Copyright 2020 Daniel Wirtz / The long.js Authors.
   *
   * Licensed under the Apache License, Version 2.0 (the "License");
   * you may not use this file except in compliance with the License.
   * You may obtain a copy of the License at
   *
   *     http://www.apache.org/licenses/LICENSE-2.0
   *
   * Unless required by applicable law or agreed to in writing, software
   * distributed under the License is distributed on an "AS IS" BASIS,
   * WITHOUT WARRANTIES OR CONDITIONS OF ANY KIND, either express or implied.
   * See the License for the specific language governing permissions and
   * limitations under the License.
   *
   * SPDX-License-Identifier: Apache-2.0
   *)
*/
