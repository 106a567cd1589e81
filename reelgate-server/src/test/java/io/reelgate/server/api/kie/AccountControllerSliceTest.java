package io.reelgate.server.api.kie;

import static io.reelgate.server.testsupport.SliceRequests.exactly;
import static io.reelgate.server.testsupport.SliceRequests.get;
import static io.reelgate.server.testsupport.SliceRequests.kieError;
import static org.mockito.Mockito.when;

import io.reelgate.server.account.CreditLedger;
import io.reelgate.server.testsupport.ApiSlice;
import io.reelgate.server.testsupport.SliceRequests;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.servlet.MockMvc;

/** The credit balance and the ledger: their envelopes and the limit rule, on a web slice with the ledger mocked. */
@ApiSlice(AccountController.class)
class AccountControllerSliceTest {

    @Autowired
    MockMvc mvc;

    @MockitoBean
    CreditLedger ledger;

    @Test
    void creditAnswersTheBareBalanceAsData() throws Exception {
        when(ledger.balance(SliceRequests.KEY.id())).thenReturn(1250L);

        mvc.perform(get("/api/v1/chat/credit")).andExpect(exactly("{\"code\":200,\"msg\":\"success\",\"data\":1250}"));
    }

    @Test
    void anUnexpectedFailureAnswersTheFixedServerErrorWithoutItsText() throws Exception {
        when(ledger.balance(SliceRequests.KEY.id())).thenThrow(new IllegalStateException("secret internals"));

        mvc.perform(get("/api/v1/chat/credit")).andExpect(kieError(500, ApiExceptionHandler.SERVER_ERROR_MSG));
    }

    @Test
    void ledgerWithALimitThatIsNotANumberAnswers422NamingLimit() throws Exception {
        mvc.perform(get("/api/v1/account/ledger?limit=ten")).andExpect(kieError(422, "limit must be a whole number"));
    }
}
