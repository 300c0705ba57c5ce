import { defineMessages } from '../shared/i18n';

/** The words of signing in at the organisation's identity provider, and of coming back from it. */
export const oidcMessages = defineMessages({
  vi: {
    signingIn: 'Đang đăng nhập…',
    failedTitle: 'Không đăng nhập được',
    stale:
      'Phản hồi này không khớp với lần đăng nhập đã bắt đầu trên trình duyệt này (có thể đã hết hạn, đã dùng rồi hoặc bị sửa đổi). Hãy đăng nhập lại.',
    refused: 'Nhà cung cấp định danh đã từ chối đăng nhập.',
    exchange: 'Không đổi được mã đăng nhập lấy token tại nhà cung cấp định danh.',
    unreachable: 'Không kết nối được với nhà cung cấp định danh.',
    unknownUser: 'Tài khoản này chưa được đăng ký trong sổ. Hãy liên hệ bộ phận CNTT để được cấp quyền.',
    tokenRefused: 'Sổ không chấp nhận token do nhà cung cấp định danh cấp.',
    details: 'Chi tiết',
    back: 'Quay lại trang đăng nhập',
    otherAccount: 'Đăng xuất khỏi nhà cung cấp định danh để dùng tài khoản khác',
  },
  en: {
    signingIn: 'Signing in…',
    failedTitle: 'Could not sign in',
    stale:
      'This answer does not match a sign-in started in this browser (it may have expired, been used already or been tampered with). Please sign in again.',
    refused: 'The identity provider refused the sign-in.',
    exchange: 'The sign-in code could not be exchanged for a token at the identity provider.',
    unreachable: 'The identity provider could not be reached.',
    unknownUser: 'This account is not registered in the record. Ask your IT team to give you access.',
    tokenRefused: "The record did not accept the identity provider's token.",
    details: 'Details',
    back: 'Back to the sign-in page',
    otherAccount: 'Sign out at the identity provider to use another account',
  },
});
