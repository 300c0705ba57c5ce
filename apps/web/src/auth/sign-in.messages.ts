import { defineMessages } from '../shared/i18n';

export const signInMessages = defineMessages({
  vi: {
    title: 'Đăng nhập',
    intro: 'Sổ theo dõi việc thực hiện Luật Thực hiện dân chủ ở cơ sở của thành phố.',
    demoTitle: 'Người dùng thử (chỉ ngoài môi trường vận hành)',
    demoHint: 'Chọn một người dùng mẫu để xem sản phẩm với quyền của người đó.',
    signInAs: 'Đăng nhập với tên',
    oidc: 'Đăng nhập bằng tài khoản của cơ quan',
    none: 'Chưa cấu hình cách đăng nhập nào. Hãy liên hệ bộ phận CNTT.',
    failed: 'Không đăng nhập được',
  },
  en: {
    title: 'Sign in',
    intro: 'The record of how the city carries out the Law on Implementing Grassroots Democracy.',
    demoTitle: 'Demo users (not available in production)',
    demoHint: 'Pick a demo user to see the product with their rights.',
    signInAs: 'Sign in as',
    oidc: "Sign in with your organisation's account",
    none: 'No way to sign in is configured. Ask your IT team.',
    failed: 'Could not sign in',
  },
});
